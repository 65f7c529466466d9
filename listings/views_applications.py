"""Applying, the worker's applications and the employer's applicant lists (thin views)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_ratelimit.decorators import ratelimit

from . import applications, schedule, selectors
from .contact import contact_for
from .forms_applications import ApplicantFilterForm, ApplyForm, BulkDeclineForm, EmployerNoteForm
from .models import Application, Gig
from .vocabulary import ApplicationStatus, GigStatus


def _application_rate(group, request) -> str:
    return settings.APPLICATION_RATE


def _application_or_404(request, pk: int) -> Application:
    try:
        return selectors.application_for(user=request.user, pk=pk)
    except Application.DoesNotExist:
        raise Http404(_("Lamaran tidak ditemukan.")) from None


def _workload_context(worker, gig: Gig | None = None) -> dict:
    """Hired gigs, their totals, and (for `gig`) clashes with their time windows."""
    hired = selectors.hired_gigs_for(worker=worker, exclude_gig_id=gig.pk if gig else None)
    context = {"hired_gigs": hired, "workload": schedule.workload(hired)}
    if gig is not None:
        context["conflicts"] = schedule.schedule_conflicts(gig, hired)
        applied = selectors.applied_gigs_for(worker=worker, exclude_gig_id=gig.pk)
        context["applied_conflicts"] = schedule.schedule_conflicts(gig, applied)
        context["workload_with_gig"] = schedule.workload([*hired, gig])
    return context


@login_required
@ratelimit(key="user", rate=_application_rate, method="POST", block=True)
def apply(request, pk: int, slug: str):
    """The apply form under a gig; one tap plus an optional message."""
    gig = get_object_or_404(
        Gig.objects.with_card_data().prefetch_related("time_windows"),
        Q(pk__in=Gig.objects.visible_to(request.user).values("pk"))
        | Q(status__in=[GigStatus.CLOSED, GigStatus.EXPIRED, GigStatus.PUBLISHED]),
        pk=pk,
    )
    if not request.user.is_worker:
        messages.error(request, _("Hanya akun pencari kerja yang bisa melamar."))
        return redirect(gig)
    existing = Application.objects.filter(gig=gig, worker=request.user).first()
    if existing is not None:
        messages.info(request, _("Anda sudah melamar lowongan ini."))
        return redirect(existing)
    if not gig.is_live:
        # Closed and expired gigs were public once: say why instead of a bare 404.
        messages.error(
            request, _("Lowongan ini sudah ditutup atau berakhir, lamaran tidak bisa dikirim lagi.")
        )
        return redirect("listings:gig_list")
    form = ApplyForm(request.POST if request.method == "POST" else None, gig=gig)
    if request.method == "POST" and form.is_valid():
        try:
            application = applications.application_submit(
                gig=gig,
                worker=request.user,
                message=form.cleaned_data.get("message", ""),
                screening_answer=form.cleaned_data.get("screening_answer", ""),
            )
        except applications.ApplicationError as exc:
            messages.error(request, exc.messages[0])
            return redirect(gig)
        messages.success(request, _("Lamaran terkirim. Kami kabari lewat notifikasi dan email."))
        return redirect(application)
    context = {"gig": gig, "form": form, **_workload_context(request.user, gig)}
    return render(request, "listings/apply.html", context)


@login_required
def my_applications(request):
    """The worker's applications with status and history, plus totals across hired gigs."""
    items = list(selectors.applications_of_worker(worker=request.user))
    return render(
        request,
        "listings/my_applications.html",
        {"applications": items, **_workload_context(request.user)},
    )


@login_required
def application_detail(request, pk: int):
    """One application, for its worker or the gig's owner (anyone else: 404)."""
    application = _application_or_404(request, pk)
    is_owner = application.gig.employer_id == request.user.pk
    if is_owner and application.status == ApplicationStatus.SENT:
        applications.application_view(application=application, by=request.user)
    context = {
        "application": application,
        "gig": application.gig,
        "is_owner": is_owner,
        "contact": contact_for(application=application, viewer=request.user),
        "actions": _actions_for(application, is_owner),
    }
    if is_owner:
        context["note_form"] = EmployerNoteForm(instance=application)
        context["profile"] = getattr(application.worker, "worker_profile", None)
    else:
        context.update(_workload_context(request.user, application.gig))
    return render(request, "listings/application_detail.html", context)


def _actions_for(application: Application, is_owner: bool) -> list[str]:
    """Buttons to show: the employer's forward moves and decline, or the worker's withdraw."""
    allowed = applications.allowed_actions(application)
    side = EMPLOYER_BUTTONS if is_owner else WORKER_BUTTONS
    return [action for action in side if action in allowed]


EMPLOYER_BUTTONS = ("shortlist", "offer_trial", "hire", "decline")
WORKER_BUTTONS = ("withdraw",)
ACTIONS = {
    "shortlist": (
        applications.application_shortlist,
        _("Pelamar masuk daftar pilihan. Nomor WhatsApp kini terlihat."),
    ),
    "offer_trial": (applications.application_offer_trial, _("Tawaran masa percobaan terkirim.")),
    "hire": (applications.application_hire, _("Pelamar ditandai diterima.")),
    "decline": (applications.application_decline, _("Lamaran tidak dilanjutkan.")),
    "withdraw": (applications.application_withdraw, _("Lamaran Anda ditarik.")),
}


@login_required
@require_POST
def application_action(request, pk: int, action: str):
    application = _application_or_404(request, pk)
    if action not in ACTIONS:
        raise Http404
    service, done = ACTIONS[action]
    try:
        service(application=application, by=request.user)
    except PermissionDenied:
        raise Http404(_("Lamaran tidak ditemukan.")) from None
    except applications.ApplicationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, done)
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        return redirect(next_url)
    return redirect(application)


@login_required
@require_POST
def application_note(request, pk: int):
    application = _application_or_404(request, pk)
    if application.gig.employer_id != request.user.pk:
        raise Http404
    form = EmployerNoteForm(request.POST, instance=Application.objects.get(pk=application.pk))
    if form.is_valid():
        applications.application_note_save(
            application=application, by=request.user, note=form.cleaned_data["employer_note"]
        )
        messages.success(request, _("Catatan disimpan."))
    else:
        messages.error(request, _("Catatan terlalu panjang (maksimal 2.000 karakter)."))
    return redirect(application)


@login_required
def gig_applicants(request, pk: int):
    """The owner's applicant list for one gig, with filters and bulk decline."""
    gig = get_object_or_404(Gig.objects.owned_by(request.user).prefetch_related("time_windows"), pk=pk)
    form = ApplicantFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    items = selectors.applicants_for_gig(gig=gig, filters=filters)
    windows = list(gig.time_windows.all())
    rows = [
        {
            "application": a,
            "profile": getattr(a.worker, "worker_profile", None) if a.worker else None,
            "available": bool(
                windows
                and a.worker
                and hasattr(a.worker, "worker_profile")
                and schedule.any_overlap(windows, a.worker.worker_profile.availability.all())
            ),
            "contact": contact_for(application=a, viewer=request.user),
        }
        for a in items
    ]
    return render(
        request,
        "listings/gig_applicants.html",
        {
            "gig": gig,
            "form": form,
            "rows": rows,
            "counts": selectors.applications_count_by_gig([gig.pk]).get(
                gig.pk, selectors.ApplicationCounts()
            ),
            "has_windows": bool(windows),
        },
    )


@login_required
@require_POST
def gig_applicants_decline(request, pk: int):
    gig = get_object_or_404(Gig.objects.owned_by(request.user), pk=pk)
    ids = list(Application.objects.filter(gig=gig).values_list("pk", flat=True))
    form = BulkDeclineForm(request.POST, application_ids=ids)
    if form.is_valid():
        count = applications.application_bulk_decline(
            gig=gig, by=request.user, application_ids=form.cleaned_data["applications"]
        )
        messages.success(request, _("%(n)d lamaran tidak dilanjutkan.") % {"n": count})
    else:
        messages.error(request, form.errors["applications"][0])
    return redirect("listings:gig_applicants", pk=gig.pk)


@login_required
@require_GET
def application_portfolio(request, pk: int):
    """The applicant's portfolio PDF, for the applicant and the gig's owner only, as a download."""
    application = _application_or_404(request, pk)
    profile = getattr(application.worker, "worker_profile", None) if application.worker_id else None
    if profile is None or not profile.portfolio_pdf:
        raise Http404(_("Portofolio tidak ditemukan."))
    try:
        handle = profile.portfolio_pdf.open("rb")
    except FileNotFoundError:
        raise Http404(_("Portofolio tidak ditemukan.")) from None
    return FileResponse(handle, as_attachment=True, filename="portofolio.pdf", content_type="application/pdf")
