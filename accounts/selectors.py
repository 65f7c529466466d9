"""Read-side helpers for accounts."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .models import EmployerProfile, WorkerProfile

# (what to add, weight); weights sum to 100.
COMPLETENESS_ITEMS = (
    ("display_name", _("Nama tampilan"), 10),
    ("headline", _("Judul singkat tentang diri Anda"), 10),
    ("city", _("Kota domisili"), 5),
    ("whatsapp", _("Nomor WhatsApp (hanya terlihat setelah Anda dipilih)"), 15),
    ("channels", _("Channel yang pernah Anda pakai"), 10),
    ("duties", _("Tugas yang bisa Anda kerjakan"), 10),
    ("languages", _("Bahasa yang Anda kuasai"), 5),
    ("availability", _("Waktu luang per hari"), 15),
    ("expected_pay", _("Gaji yang Anda harapkan"), 5),
    ("portfolio", _("Portofolio singkat (cerita, link atau PDF)"), 15),
)


@dataclass
class Completeness:
    percent: int = 0
    missing: list[str] = field(default_factory=list)


def _has(profile: WorkerProfile, key: str) -> bool:
    if key == "availability":
        return bool(profile.pk) and len(profile.availability.all()) > 0
    if key == "expected_pay":
        return bool(profile.expected_pay_min or profile.preferred_pay_models)
    if key == "portfolio":
        return bool(profile.portfolio_text.strip() or profile.portfolio_links or profile.portfolio_pdf)
    value = getattr(profile, key)
    return bool(value.strip() if isinstance(value, str) else value)


def worker_profile_completeness(profile: WorkerProfile) -> Completeness:
    """How complete the one-page profile is, and what to add next (most valuable first)."""
    result = Completeness()
    missing = []
    for key, label, weight in COMPLETENESS_ITEMS:
        if _has(profile, key):
            result.percent += weight
        else:
            missing.append((weight, str(label)))
    result.missing = [label for _weight, label in sorted(missing, key=lambda m: -m[0])]
    return result


def public_employer_profiles():
    """Business pages anyone may see: a banned or deactivated owner's page (and logo) is a 404."""
    return EmployerProfile.objects.filter(user__is_active=True, user__banned_at__isnull=True)
