from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_ratelimit.core import is_ratelimited
from django_ratelimit.decorators import ratelimit
from django_ratelimit.exceptions import Ratelimited

from jobboard.hardening import PRIVATE_CACHE_CONTROL
from listings import schedule
from listings.gigs.forms import (
    TimeWindowFormSet,
    time_window_rows_again,
    time_windows_from,
    typed_again,
    wants_more_rows,
)
from listings.models import Gig, Review
from listings.reviews.selectors import review_summary, reviews_about
from listings.verification.selectors import verification_badge

from . import selectors
from .downloads import portfolio_pdf_response
from .forms import AccountDeleteForm, EmployerProfileForm, LoginLinkForm, WorkerProfileForm
from .login_links import login_link_send, login_link_use
from .models import User, WorkerProfile
from .permissions import EMPLOYER, WORKER, role_required
from .privacy import employer_account_delete as employer_account_delete_service
from .privacy import employer_data_export as employer_data_export_data
from .privacy import worker_account_delete as worker_account_delete_service
from .privacy import worker_data_export as worker_data_export_data
from .selectors import worker_profile_completeness
from .services import employer_profile_save, worker_profile_save


@login_required
def dashboard(request):
    """Send each role to where their work is."""
    user = request.user
    if user.is_moderator:
        return redirect("listings:moderation_queue")
    if user.is_employer:
        if not hasattr(user, "employer_profile"):
            return redirect("accounts:employer_profile")
        return redirect("listings:my_gigs")
    profile = getattr(user, "worker_profile", None)
    if profile is None or not profile.display_name:
        return redirect("accounts:worker_profile")
    return redirect("listings:gig_list")


@role_required(EMPLOYER)
def employer_profile(request):
    profile = getattr(request.user, "employer_profile", None)
    form = EmployerProfileForm(request.POST or None, request.FILES or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        employer_profile_save(user=request.user, profile=form.save(commit=False))
        messages.success(request, _("Profil usaha disimpan."))
        return redirect("accounts:dashboard")
    return render(request, "accounts/employer_profile_form.html", {"form": form})


def employer_public(request, pk: int):
    profile = get_object_or_404(selectors.public_employer_profiles().select_related("user"), pk=pk)
    gigs = Gig.objects.published().with_card_data().filter(employer=profile.user).order_by("-published_at")
    context = {
        "profile": profile,
        "gigs": gigs,
        "badge": verification_badge(profile),
        **_reviews_context(profile.user, Review.Direction.OF_EMPLOYER),
    }
    return render(request, "accounts/employer_public.html", context)


def _reviews_context(user: User, direction: str) -> dict:
    return {
        "summary": review_summary(user, direction=direction),
        "reviews": reviews_about(user, direction=direction)[:10],
    }


@role_required(WORKER)
def worker_profile(request):
    """The worker's one-page profile form with availability rows and a completeness meter."""
    profile, _created = WorkerProfile.objects.get_or_create(user=request.user)
    form = WorkerProfileForm(request.POST or None, request.FILES or None, instance=profile)
    formset = TimeWindowFormSet(
        request.POST or None,
        prefix="slots",
        initial=schedule.window_rows(profile.availability.all()),
    )
    if wants_more_rows(request, formset.prefix):
        form = typed_again(form, instance=profile)
        formset = time_window_rows_again(formset)
    elif request.method == "POST":
        if form.is_valid() and formset.is_valid():
            worker_profile_save(profile=form.save(commit=False), availability=time_windows_from(formset))
            messages.success(request, _("Profil disimpan."))
            return redirect("accounts:worker_profile")
        messages.error(request, _("Ada isian yang perlu diperbaiki. Perubahan belum disimpan."))
        profile.refresh_from_db()
    return render(
        request,
        "accounts/worker_profile_form.html",
        {
            "form": form,
            "formset": formset,
            "profile": profile,
            "completeness": worker_profile_completeness(profile),
        },
    )


def worker_public(request, pk: int):
    """The public one-page profile: skills and availability, never contact data."""
    profile = get_object_or_404(
        WorkerProfile.objects.select_related("user")
        .prefetch_related("availability")
        .filter(user__is_active=True, user__role=User.Role.WORKER, user__banned_at__isnull=True),
        pk=pk,
    )
    context = {"profile": profile, **_reviews_context(profile.user, Review.Direction.OF_WORKER)}
    return render(request, "accounts/worker_public.html", context)


@role_required(WORKER)
def worker_data_export(request):
    """Download everything we store about the worker as JSON (UU PDP)."""
    response = JsonResponse(
        worker_data_export_data(user=request.user), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Content-Disposition"] = 'attachment; filename="data-loker-cs.json"'
    response["Cache-Control"] = PRIVATE_CACHE_CONTROL
    return response


@role_required(WORKER)
@require_GET
def worker_portfolio(request):
    """The worker's own portfolio PDF (linked from the data export), as a download."""
    return portfolio_pdf_response(getattr(request.user, "worker_profile", None))


@role_required(WORKER)
def worker_account_delete(request):
    """Confirm, then erase the worker's account (applications stay anonymised for employers)."""
    form = AccountDeleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        worker_account_delete_service(user=user)
        messages.success(
            request, _("Akun dan data pribadi Anda sudah dihapus. Terima kasih sudah memakai Loker CS.")
        )
        return redirect("listings:home")
    return render(request, "accounts/worker_account_delete.html", {"form": form})


@login_required
def employer_data_export(request):
    """Download everything we store about the employer and their gigs as JSON (UU PDP)."""
    if not request.user.is_employer:
        raise Http404
    response = JsonResponse(
        employer_data_export_data(user=request.user),
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    response["Content-Disposition"] = 'attachment; filename="data-usaha-loker-cs.json"'
    return response


@login_required
def employer_account_delete(request):
    """Confirm, then close the employer's gigs and erase their account and business data."""
    if not request.user.is_employer:
        raise Http404
    form = AccountDeleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        employer_account_delete_service(user=user)
        messages.success(
            request,
            _(
                "Akun usaha Anda sudah dihapus dan semua lowongan ditutup. "
                "Terima kasih sudah memakai Loker CS."
            ),
        )
        return redirect("listings:home")
    return render(request, "accounts/employer_account_delete.html", {"form": form})


def privacy_policy(request):
    return render(request, "accounts/privacy_policy.html")


def terms(request):
    return render(request, "accounts/terms.html")


LOGO_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".gif": "image/gif",
}


@require_GET
def employer_logo(request, pk: int):
    """A business logo. Served by the app (no public /media/ folder) and only as a raster image."""
    profile = get_object_or_404(selectors.public_employer_profiles(), pk=pk)
    suffix = Path(profile.logo.name or "").suffix.lower()
    if not profile.logo or suffix not in LOGO_TYPES:
        raise Http404
    try:
        handle = profile.logo.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type=LOGO_TYPES[suffix])
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_POST
@ratelimit(key="ip", rate="20/h", method="POST", block=True)
def login_link_request(request):
    """Email a one-time sign-in link (offered on the lockout page). Same answer for any address;
    at most 5 links per email address an hour (no mail-bombing)."""
    form = LoginLinkForm(request.POST)
    if not form.is_valid():
        return render(request, "accounts/locked_out.html", {"form": form}, status=400)
    email = form.cleaned_data["email"].strip().lower()
    if is_ratelimited(
        request, group="login_link", key=lambda group, request: email, rate="5/h", increment=True
    ):
        raise Ratelimited
    login_link_send(email=email)
    return render(request, "accounts/login_link_sent.html", {"minutes": settings.LOGIN_LINK_MAX_AGE // 60})


def login_link(request, token: str):
    """GET shows a button (mail scanners follow links; they must not use up the link); POST signs in."""
    if request.method == "POST":
        if login_link_use(request=request, token=token) is not None:
            messages.success(request, _("Anda sudah masuk lewat link dari email."))
            return redirect(settings.LOGIN_REDIRECT_URL)
        return render(request, "accounts/login_link_confirm.html", {"invalid": True}, status=400)
    return render(request, "accounts/login_link_confirm.html", {"invalid": False})
