"""Applying, the worker's applications and the employer's applicant lists (thin views)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from django_ratelimit.decorators import ratelimit

from accounts.downloads import portfolio_pdf_response
from accounts.permissions import WORKER, has_role
from listings import schedule
from listings.actions import Button, Buttons, confirm_page, needs_confirmation
from listings.applications import selectors as application_selectors
from listings.applications import services as applications
from listings.applications.contact import contact_for
from listings.applications.forms import (
    ApplicantFilterForm,
    ApplyForm,
    BulkDeclineForm,
    EmployerNoteForm,
    TrialOfferForm,
)
from listings.models import Application, Gig
from listings.reviews.selectors import review_state
from listings.vocabulary import ApplicationStatus, GigStatus


def _application_rate(group, request) -> str:
    return settings.APPLICATION_RATE


def _application_or_404(request, pk: int) -> Application:
    try:
        return application_selectors.application_for(user=request.user, pk=pk)
    except Application.DoesNotExist:
        raise Http404(_("Lamaran tidak ditemukan.")) from None


def _workload_context(commitments: application_selectors.Commitments, gig: Gig | None = None) -> dict:
    """Hired gigs, their totals, and (for `gig`) clashes with their time windows."""
    hired = commitments.hired
    context = {"hired_gigs": hired, "workload": schedule.workload(hired)}
    if gig is not None:
        context["conflicts"] = schedule.schedule_conflicts(gig, hired)
        context["applied_conflicts"] = schedule.schedule_conflicts(gig, commitments.applied)
        context["workload_with_gig"] = schedule.workload([*hired, gig])
    return context


@login_required
@ratelimit(key="user", rate=_application_rate, method="POST", block=True)
def apply(request, pk: int, slug: str):
    """The apply form under a gig; one tap plus an optional message."""
    gig = get_object_or_404(
        Gig.objects.with_card_data(),
        Q(pk__in=Gig.objects.visible_to(request.user).values("pk"))
        | Q(status__in=[GigStatus.CLOSED, GigStatus.EXPIRED, GigStatus.PUBLISHED]),
        pk=pk,
    )
    if not has_role(request.user, WORKER):
        raise Http404
    commitments = application_selectors.worker_commitments(worker=request.user, gig=gig)
    existing = commitments.application
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
    context = {"gig": gig, "form": form, **_workload_context(commitments, gig)}
    return render(request, "listings/apply.html", context)


@login_required
def my_applications(request):
    """The worker's applications with status and history, plus totals across hired gigs."""
    items = list(application_selectors.applications_of_worker(worker=request.user))
    commitments = application_selectors.worker_commitments(worker=request.user)
    context = {"applications": items, **_workload_context(commitments)}
    return render(request, "listings/my_applications.html", context)


@login_required
def application_detail(request, pk: int):
    """One application, for its worker or the gig's owner (anyone else: 404)."""
    application = _application_or_404(request, pk)
    is_owner = application.gig.employer_id == request.user.pk
    if is_owner and application.status == ApplicationStatus.SENT:
        applications.application_view(application=application, by=request.user)
    return _detail_page(request, application)


def _detail_page(request, application: Application, *, trial_form: TrialOfferForm | None = None, status=200):
    is_owner = application.gig.employer_id == request.user.pk
    context = {
        "application": application,
        "gig": application.gig,
        "is_owner": is_owner,
        "contact": contact_for(application=application, viewer=request.user),
        "buttons": (EMPLOYER_BUTTONS if is_owner else WORKER_BUTTONS).for_(application),
        "review": review_state(application, request.user),
    }
    if is_owner:
        context["note_form"] = EmployerNoteForm(instance=application)
        context["profile"] = getattr(application.worker, "worker_profile", None)
        context["trial_form"] = trial_form or TrialOfferForm.for_gig(application.gig)
    else:
        commitments = application_selectors.worker_commitments(worker=request.user, gig=application.gig)
        context.update(_workload_context(commitments, application.gig))
    return render(request, "listings/application_detail.html", context, status=status)


EMPLOYER_BUTTONS = Buttons(
    Button(
        "shortlist",
        gettext_lazy("Masukkan daftar pilihan"),
        gettext_lazy("Pelamar masuk daftar pilihan. Nomor WhatsApp kini terlihat."),
        applications.application_shortlist,
    ),
    Button(
        "offer_trial",
        gettext_lazy("Tawarkan masa percobaan"),
        gettext_lazy("Tawaran masa percobaan terkirim."),
        applications.application_offer_trial,
        style="btn-ghost",
    ),
    Button(
        "hire",
        gettext_lazy("Terima"),
        gettext_lazy("Pelamar ditandai diterima."),
        applications.application_hire,
    ),
    Button(
        "decline",
        gettext_lazy("Tidak dilanjutkan"),
        gettext_lazy("Lamaran tidak dilanjutkan."),
        applications.application_decline,
        style="btn-danger",
        confirm=gettext_lazy(
            "Tidak melanjutkan lamaran %(name)s untuk “%(title)s”? Pelamar akan diberi tahu."
        ),
        confirm_label=gettext_lazy("Ya, tidak dilanjutkan"),
    ),
    allowed=applications.allowed_actions,
)
WORKER_BUTTONS = Buttons(
    Button(
        "accept_trial",
        gettext_lazy("Terima masa percobaan"),
        gettext_lazy("Anda menerima masa percobaan. Pemberi kerja sudah diberi tahu."),
        applications.application_accept_trial,
    ),
    Button(
        "decline_trial",
        gettext_lazy("Tolak masa percobaan"),
        gettext_lazy("Tawaran masa percobaan ditolak. Lamaran Anda tetap di daftar pilihan."),
        applications.application_decline_trial,
        style="btn-ghost",
    ),
    Button(
        "withdraw",
        gettext_lazy("Tarik lamaran"),
        gettext_lazy("Lamaran Anda ditarik."),
        applications.application_withdraw,
        style="btn-danger",
        confirm=gettext_lazy(
            "Tarik lamaran %(name)s untuk “%(title)s”? Lamaran yang ditarik tidak bisa dikirim ulang."
        ),
        confirm_label=gettext_lazy("Ya, tarik lamaran"),
    ),
    allowed=applications.allowed_actions,
)


@login_required
@require_POST
def application_action(request, pk: int, action: str):
    application = _application_or_404(request, pk)
    side = EMPLOYER_BUTTONS if application.gig.employer_id == request.user.pk else WORKER_BUTTONS
    button = side.get(action)
    if button.confirm and needs_confirmation(request):
        name = application.worker.display_name if application.worker else _("pelamar")
        return confirm_page(
            request,
            question=button.confirm % {"name": name, "title": application.gig.title},
            label=button.confirm_label,
            action_url=reverse("listings:application_action", args=[application.pk, action]),
            cancel_url=application.get_absolute_url(),
            carried=[("next", request.POST.get("next", ""))] if request.POST.get("next") else (),
        )
    terms = {}
    if action == "offer_trial":  # the only button with a form: the trial's terms
        form = TrialOfferForm(request.POST)
        if not form.is_valid():
            return _detail_page(request, application, trial_form=form, status=400)
        terms = form.terms()
    try:
        button.service(application=application, by=request.user, **terms)
    except PermissionDenied:
        raise Http404(_("Lamaran tidak ditemukan.")) from None
    except applications.ApplicationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, button.done)
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
    try:
        gig = application_selectors.owned_gig_with_counts(user=request.user, pk=pk)
    except Gig.DoesNotExist:
        raise Http404 from None
    form = ApplicantFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    items = application_selectors.applicants_for_gig(gig=gig, filters=filters)
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
            "counts": gig.counts,
            "has_windows": bool(windows),
        },
    )


@login_required
@require_POST
def gig_applicants_decline(request, pk: int):
    gig = get_object_or_404(Gig.objects.owned_by(request.user), pk=pk)
    ids = list(Application.objects.filter(gig=gig).values_list("pk", flat=True))
    form = BulkDeclineForm(request.POST, application_ids=ids)
    if form.is_valid() and needs_confirmation(request):
        chosen = form.cleaned_data["applications"]
        return confirm_page(
            request,
            question=_("Tidak melanjutkan %(n)d lamaran untuk “%(title)s”? Para pelamar akan diberi tahu.")
            % {"n": len(chosen), "title": gig.title},
            label=_("Ya, tidak dilanjutkan"),
            action_url=reverse("listings:gig_applicants_decline", args=[gig.pk]),
            cancel_url=reverse("listings:gig_applicants", args=[gig.pk]),
            carried=[("applications", pk) for pk in chosen],
        )
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
    return portfolio_pdf_response(profile)
