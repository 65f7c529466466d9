from pathlib import Path

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from listings.forms import TimeWindowFormSet, time_windows_from
from listings.models import Gig

from . import selectors
from .forms import AccountDeleteForm, EmployerProfileForm, WorkerProfileForm
from .models import User, WorkerProfile
from .privacy import worker_account_delete as worker_account_delete_service
from .privacy import worker_data_export as worker_data_export_data
from .selectors import worker_profile_completeness
from .services import worker_profile_save


@login_required
def dashboard(request):
    """Send each role to where their work is."""
    user = request.user
    if user.is_staff:
        return redirect("listings:moderation_queue")
    if user.is_employer:
        if not hasattr(user, "employer_profile"):
            return redirect("accounts:employer_profile")
        return redirect("listings:my_gigs")
    profile = getattr(user, "worker_profile", None)
    if profile is None or not profile.display_name:
        return redirect("accounts:worker_profile")
    return redirect("listings:gig_list")


@login_required
def employer_profile(request):
    if not request.user.is_employer:
        messages.error(request, _("Halaman ini khusus pemilik usaha."))
        return redirect("accounts:dashboard")
    profile = getattr(request.user, "employer_profile", None)
    form = EmployerProfileForm(request.POST or None, request.FILES or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        profile = form.save(commit=False)
        profile.user = request.user
        profile.save()
        messages.success(request, _("Profil usaha disimpan."))
        return redirect("accounts:dashboard")
    return render(request, "accounts/employer_profile_form.html", {"form": form})


def employer_public(request, pk: int):
    profile = get_object_or_404(selectors.public_employer_profiles().select_related("user"), pk=pk)
    gigs = Gig.objects.published().filter(employer=profile.user).order_by("-published_at")
    return render(request, "accounts/employer_public.html", {"profile": profile, "gigs": gigs})


def _worker_profile_or_redirect(request):
    if not request.user.is_worker:
        messages.error(request, _("Halaman ini khusus pencari kerja."))
        return None
    profile, _created = WorkerProfile.objects.get_or_create(user=request.user)
    return profile


@login_required
def worker_profile(request):
    """The worker's one-page profile form with availability rows and a completeness meter."""
    profile = _worker_profile_or_redirect(request)
    if profile is None:
        return redirect("accounts:dashboard")
    form = WorkerProfileForm(request.POST or None, request.FILES or None, instance=profile)
    formset = TimeWindowFormSet(
        request.POST or None,
        prefix="slots",
        initial=[{"day": w.day, "start": w.start, "end": w.end} for w in profile.availability.all()],
    )
    if request.method == "POST":
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
    return render(request, "accounts/worker_public.html", {"profile": profile})


@login_required
def worker_data_export(request):
    """Download everything we store about the worker as JSON (UU PDP)."""
    if not request.user.is_worker:
        raise Http404
    response = JsonResponse(
        worker_data_export_data(user=request.user), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Content-Disposition"] = 'attachment; filename="data-loker-cs.json"'
    return response


@login_required
def worker_account_delete(request):
    """Confirm, then erase the worker's account (applications stay anonymised for employers)."""
    if not request.user.is_worker:
        raise Http404
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
