"""What counts as evidence for a small shop, written once (form, service and tests use it)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 4 * 1024 * 1024
IMAGE_TYPES = {".jpg", ".jpeg", ".png", ".webp"}
KTP_TYPES = IMAGE_TYPES | {".pdf"}
# Magic numbers: the extension alone proves nothing about what a file is.
SIGNATURES = {
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".webp": (b"RIFF",),
    ".pdf": (b"%PDF-",),
}
# Marketplaces where an Indonesian small shop sells (host suffixes).
MARKETPLACE_HOSTS = (
    "shopee.co.id",
    "tokopedia.com",
    "tokopedia.link",
    "tiktok.com",
    "lazada.co.id",
    "bukalapak.com",
    "blibli.com",
    "shp.ee",
)
INSTAGRAM_HOSTS = ("instagram.com",)
NIB_PATTERN = re.compile(r"\d{13}")


def normalize_nib(value: str) -> str:
    """People type NIBs with spaces, dots or dashes; the number itself is 13 digits."""
    return re.sub(r"[\s.\-]", "", value or "")


def validate_nib(value: str) -> None:
    if value and not NIB_PATTERN.fullmatch(value):
        raise ValidationError(_("NIB terdiri dari 13 angka, contoh 9120001234567."), code="nib")


def _host_matches(url: str, hosts: tuple[str, ...]) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return any(host == h or host.endswith("." + h) for h in hosts)


def validate_marketplace_url(url: str) -> None:
    if url and not _host_matches(url, MARKETPLACE_HOSTS):
        raise ValidationError(
            _("Gunakan link toko di Shopee, Tokopedia, TikTok Shop, Lazada, Bukalapak atau Blibli."),
            code="marketplace",
        )


def validate_instagram_url(url: str) -> None:
    if url and not _host_matches(url, INSTAGRAM_HOSTS):
        raise ValidationError(_("Gunakan link profil Instagram, contoh https://instagram.com/tokoanda."))


def validate_evidence_file(file, *, allowed: set[str], label: str) -> None:
    """At most 4 MB, an allowed type by name and by content."""
    suffix = Path(str(file.name)).suffix.lower()
    if suffix not in allowed:
        raise ValidationError(
            _("%(label)s harus berupa %(types)s.")
            % {"label": label, "types": ", ".join(sorted(t.lstrip(".").upper() for t in allowed))},
            code="type",
        )
    if file.size > MAX_UPLOAD_BYTES:
        raise ValidationError(_("%(label)s maksimal 4 MB.") % {"label": label}, code="too_big")
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(16)
    file.seek(position)
    if not any(head.startswith(sig) for sig in SIGNATURES[suffix]):
        raise ValidationError(
            _("%(label)s tidak bisa dibaca sebagai file %(type)s. Foto ulang lalu unggah lagi.")
            % {"label": label, "type": suffix.lstrip(".").upper()},
            code="content",
        )
