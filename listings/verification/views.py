"""The owner's verification page and the moderators' queue (thin views)."""

from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts.permissions import MODERATOR, role_required

from ..models import VerificationRequest
from . import selectors, services
from .forms import VerificationDecisionForm, VerificationRequestForm

CONTENT_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".pdf": "application/pdf",
}


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@login_required
def verification_request(request):
    """The owner asks for the badge (or sees where their request stands)."""
    if not request.user.is_employer:
        raise Http404
    profile = getattr(request.user, "employer_profile", None)
    if profile is None:
        messages.info(request, _("Lengkapi profil usaha dulu, lalu ajukan verifikasi."))
        return redirect("accounts:employer_profile")
    latest = selectors.verification_latest(profile)
    form = VerificationRequestForm(
        request.POST or None,
        request.FILES or None,
        initial={"marketplace_url": profile.marketplace_url, "instagram_url": profile.instagram_url},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.verification_request_submit(profile=profile, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Permintaan verifikasi terkirim. Moderator akan memeriksanya."))
            return redirect("listings:verification_request")
    return render(
        request,
        "listings/verification/request.html",
        {
            "profile": profile,
            "latest": latest,
            "badge": selectors.verification_badge(profile),
            "form": form,
            "can_request": not profile.is_verified
            and (latest is None or latest.status != VerificationRequest.Status.PENDING),
        },
    )


@role_required(MODERATOR)
def verification_queue(request):
    page = Paginator(selectors.verification_queue(), 25).get_page(request.GET.get("page"))
    return render(request, "listings/verification/queue.html", {"page": page})


def _request_or_404(pk: int) -> VerificationRequest:
    try:
        return selectors.verification_for_review(pk)
    except VerificationRequest.DoesNotExist:
        raise Http404 from None


@role_required(MODERATOR)
def verification_review(request, pk: int):
    """One request with its evidence; the moderator grants (ticking what they checked) or declines."""
    item = _request_or_404(pk)
    form = VerificationDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        decision = request.POST.get("decision")
        try:
            if decision == "grant":
                services.verification_grant(
                    request=item,
                    by=request.user,
                    checks=form.cleaned_data["checks"],
                    note=form.cleaned_data["reason"],
                )
                messages.success(request, _("UMKM diverifikasi. Foto KTP sudah dihapus."))
            elif decision == "decline":
                services.verification_decline(
                    request=item, by=request.user, reason=form.cleaned_data["reason"]
                )
                messages.success(request, _("Permintaan ditolak. Foto KTP sudah dihapus."))
            else:
                raise Http404
        except ValidationError as error:
            _add_errors(form, error)
        except PermissionDenied:
            raise Http404 from None
        else:
            return redirect("listings:verification_queue")
    return render(request, "listings/verification/review.html", {"item": item, "form": form})


@role_required(MODERATOR)
@require_GET
def verification_file(request, pk: int, kind: str):
    """Evidence files, to moderators only, never cached on the way."""
    if kind not in ("shop_photo", "ktp"):
        raise Http404
    item = _request_or_404(pk)
    field = getattr(item, kind)
    suffix = Path(field.name or "").suffix.lower()
    if not field or suffix not in CONTENT_TYPES:
        raise Http404
    try:
        handle = field.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type=CONTENT_TYPES[suffix])
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = "inline"
    return response
