"""Moderator pages (review queue, decisions, reports, trust actions on accounts) and the
report form users fill in. Non-moderators get a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from accounts.models import User
from accounts.permissions import MODERATOR, role_required
from listings import ratelimits
from listings.gigs import services
from listings.gigs.forms import ModerationFilterForm, ModerationNoteForm, RejectForm, ReportForm
from listings.models import Gig, Report
from listings.trust import selectors as trust_selectors
from listings.trust import services as safety
from listings.trust import services as trust_services


@role_required(MODERATOR)
def moderation_queue(request):
    form = ModerationFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    page = Paginator(trust_selectors.moderation_queue(filters=filters), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "listings/moderation_queue.html",
        {
            "form": form,
            "page": page,
            "gigs": page.object_list,
            "report_count": trust_selectors.open_reports().count(),
        },
    )


@role_required(MODERATOR)
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


@role_required(MODERATOR)
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
            services.gig_reject(
                gig=gig, by=request.user, code=form.cleaned_data["template"], reason=form.cleaned_data["note"]
            )
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


@role_required(MODERATOR)
def report_queue(request):
    page = Paginator(trust_selectors.open_reports(), 25).get_page(request.GET.get("page"))
    return render(request, "listings/report_queue.html", {"page": page, "reports": page.object_list})


@role_required(MODERATOR)
@require_POST
def report_resolve(request, pk: int):
    report = get_object_or_404(Report.objects.select_related("gig"), pk=pk, status=Report.Status.OPEN)
    actioned = request.POST.get("outcome") == "actioned"
    note = request.POST.get("note", "")[:1000]
    try:
        if actioned:
            trust_services.report_action(report=report, by=request.user, note=note)
        else:
            trust_services.report_resolve(report=report, by=request.user, actioned=False, note=note)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Laporan diselesaikan."))
    return redirect("listings:report_queue")


DONE = {
    "verify": gettext_lazy("UMKM diverifikasi."),
    "unverify": gettext_lazy("Verifikasi dicabut."),
    "ban": gettext_lazy("Akun diblokir; lowongannya diturunkan."),
    "unban": gettext_lazy(
        "Blokir dibuka. Lowongan yang ditangguhkan tetap turun sampai ditayangkan kembali."
    ),
}


@role_required(MODERATOR)
@require_POST
def employer_trust(request, pk: int, action: str):
    if action not in DONE:
        raise Http404
    account = get_object_or_404(
        User.objects.select_related("employer_profile"), pk=pk, role=User.Role.EMPLOYER
    )
    note = request.POST.get("note", "").strip()[:1000]
    profile = getattr(account, "employer_profile", None)
    try:
        if action in ("verify", "unverify"):
            if profile is None:
                raise ValidationError(_("Akun ini belum punya profil usaha."))
            service = safety.employer_verify if action == "verify" else safety.employer_unverify
            service(profile=profile, by=request.user, note=note)
        elif action == "ban":
            safety.employer_ban(user=account, by=request.user, reason=note)
        else:
            safety.employer_unban(user=account, by=request.user, note=note)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, DONE[action])
    back = request.POST.get("next") or request.headers.get("referer", "")
    if url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(back)
    return redirect("listings:moderation_queue")


@login_required
@ratelimit(key="user_or_ip", rate=ratelimits.report, method="POST", block=True)
def gig_report(request, pk: int, slug: str):
    gig = get_object_or_404(Gig.objects.published(), pk=pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            trust_services.report_create(gig=gig, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.info(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Terima kasih, laporan Anda sudah kami terima dan akan diperiksa moderator.")
            )
        gig.refresh_from_db(fields=["status"])
        if not gig.is_live:  # this report took it down: its page is gone for the reporter too
            return render(request, "listings/report_thanks.html", {"gig": gig})
        return redirect(gig)
    return render(request, "listings/gig_report.html", {"gig": gig, "form": form})
