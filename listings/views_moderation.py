"""Moderator pages: the review queue, decisions and user reports. Non-staff get a 404."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services
from .forms import ModerationFilterForm, ModerationNoteForm, RejectForm
from .models import Gig, Report


def moderator_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_staff:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


@moderator_required
def moderation_queue(request):
    form = ModerationFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    page = Paginator(selectors.moderation_queue(filters=filters), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "listings/moderation_queue.html",
        {
            "form": form,
            "page": page,
            "gigs": page.object_list,
            "report_count": selectors.open_reports().count(),
        },
    )


@moderator_required
def moderation_review(request, pk: int):
    gig = get_object_or_404(
        Gig.objects.with_card_data()
        .select_related("screening")
        .prefetch_related("time_windows", "events__actor", "reports__reporter"),
        pk=pk,
    )
    return render(
        request,
        "listings/moderation_review.html",
        {
            "gig": gig,
            "reject_form": RejectForm(),
            "approve_form": ModerationNoteForm(auto_id="approve_%s"),
            "suspend_form": ModerationNoteForm(auto_id="suspend_%s"),
            "actions": services.allowed_actions(gig),
        },
    )


@moderator_required
@require_POST
def moderation_decide(request, pk: int, decision: str):
    gig = get_object_or_404(Gig, pk=pk)
    note = ModerationNoteForm(request.POST)
    note_text = note.cleaned_data["note"] if note.is_valid() else ""
    try:
        if decision == "approve":
            services.gig_approve(gig=gig, by=request.user, note=note_text)
            messages.success(request, _("Lowongan disetujui dan tayang."))
        elif decision == "reject":
            form = RejectForm(request.POST)
            if not form.is_valid():
                return render(
                    request,
                    "listings/moderation_review.html",
                    {
                        "gig": gig,
                        "reject_form": form,
                        "note_form": note,
                        "actions": services.allowed_actions(gig),
                    },
                    status=400,
                )
            services.gig_reject(gig=gig, by=request.user, reason=form.cleaned_data["reason"])
            messages.success(request, _("Lowongan ditolak; pemilik menerima alasannya."))
        elif decision == "suspend":
            services.gig_suspend(gig=gig, by=request.user, reason=note_text or _("Ditangguhkan moderator"))
            messages.success(request, _("Lowongan ditangguhkan."))
        elif decision == "reinstate":
            services.gig_reinstate(gig=gig, by=request.user, note=note_text)
            messages.success(request, _("Lowongan ditayangkan kembali."))
        else:
            raise Http404
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("listings:moderation_review", pk=gig.pk)
    return redirect("listings:moderation_queue")


@moderator_required
def report_queue(request):
    page = Paginator(selectors.open_reports(), 25).get_page(request.GET.get("page"))
    return render(request, "listings/report_queue.html", {"page": page, "reports": page.object_list})


@moderator_required
@require_POST
def report_resolve(request, pk: int):
    report = get_object_or_404(Report.objects.select_related("gig"), pk=pk, status=Report.Status.OPEN)
    actioned = request.POST.get("outcome") == "actioned"
    note = request.POST.get("note", "")[:1000]
    try:
        if actioned:
            services.report_action(report=report, by=request.user, note=note)
        else:
            services.report_resolve(report=report, by=request.user, actioned=False, note=note)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Laporan diselesaikan."))
    return redirect("listings:report_queue")
