"""Moderator trust actions on an employer account: verify, unverify, ban, unban."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.models import User

from . import safety
from .views_moderation import moderator_required

DONE = {
    "verify": gettext_lazy("UMKM diverifikasi."),
    "unverify": gettext_lazy("Verifikasi dicabut."),
    "ban": gettext_lazy("Akun diblokir; lowongannya diturunkan."),
    "unban": gettext_lazy(
        "Blokir dibuka. Lowongan yang ditangguhkan tetap turun sampai ditayangkan kembali."
    ),
}


@moderator_required
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
