"""Read-side of discovery: similar gigs, ended gigs, what a shared link shows."""

from __future__ import annotations

from urllib.parse import quote

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import pagecache
from ..models import Gig
from ..vocabulary import GigStatus, WorkMode

SIMILAR_LIMIT = 4
# How many recent candidates are ranked in Python (bounded work whatever the board's size).
CANDIDATES = 60
ENDED = (GigStatus.CLOSED, GigStatus.EXPIRED)


def similar_gigs(*, gig: Gig, limit: int = SIMILAR_LIMIT) -> list[Gig]:
    """Live gigs like this one: sharing its duties or channels, ranked by what they share
    (duties count most, then the same place — WFH or the same city — then pay model and
    channels), newest first among equals. One query, kept in the cache until the public
    pages change (`listings.pagecache` generation) and only then asked again."""
    gen = pagecache.generation()
    key = f"similar:{gen}:{gig.pk}:{limit}"
    found = cache.get(key) if gen is not None else None
    if found is None:
        found = _similar_gigs(gig=gig, limit=limit)
        if gen is not None:
            cache.set(key, found, pagecache.MAX_AGE)
    return found


def _similar_gigs(*, gig: Gig, limit: int) -> list[Gig]:
    place = Q(work_mode=WorkMode.REMOTE) if gig.work_mode == WorkMode.REMOTE else Q(city__iexact=gig.city)
    related = Q()
    if gig.duties:
        related |= Q(duties__has_any_code=list(gig.duties))
    if gig.channels:
        related |= Q(channels__has_any_code=list(gig.channels))
    candidates = list(
        Gig.objects.published()
        .exclude(pk=gig.pk)
        .filter(related | place)
        .with_card_data()
        .order_by("-published_at", "-pk")[:CANDIDATES]
    )
    duties, channels = set(gig.duties), set(gig.channels)

    def score(other: Gig) -> int:
        same_place = other.work_mode == gig.work_mode and (
            gig.work_mode == WorkMode.REMOTE or other.city.strip().lower() == gig.city.strip().lower()
        )
        return (
            3 * len(duties & set(other.duties))
            + 2 * same_place
            + (other.pay_model == gig.pay_model)
            + len(channels & set(other.channels))
        )

    return sorted(candidates, key=score, reverse=True)[:limit]


def ended_gig(*, pk: int) -> Gig:
    """A gig that was public and has ended (closed, expired, or past its expiry date): its
    page stays reachable (410) with similar live gigs. Raises Gig.DoesNotExist otherwise."""
    return (
        Gig.objects.filter(
            Q(status__in=ENDED) | Q(status=GigStatus.PUBLISHED, expires_at__lte=timezone.now()),
            published_at__isnull=False,
        )
        .with_card_data()
        .get(pk=pk)
    )


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def share_text(gig: Gig) -> str:
    """What a WhatsApp share says: the gig, its pay and place, and the link."""
    return _("Ada lowongan: %(title)s — %(pay)s, %(place)s. Cek di Loker CS: %(url)s") % {
        "title": gig.title,
        "pay": gig.pay_display,
        "place": gig.location_display,
        "url": absolute_url(gig.get_absolute_url()),
    }


def whatsapp_share_url(gig: Gig) -> str:
    """wa.me with a prefilled text: WhatsApp lets the sharer pick the chat."""
    return "https://wa.me/?text=" + quote(share_text(gig), safe="")


def gig_page_context(gig: Gig) -> dict:
    """What the gig page adds for sharing and discovery: similar gigs, the WhatsApp share
    link, and the absolute URLs for canonical / OpenGraph tags (only live gigs are shared)."""
    if not gig.is_live:
        return {"similar": [], "share_url": ""}
    return {
        "similar": similar_gigs(gig=gig),
        "share_url": whatsapp_share_url(gig),
        "canonical_url": absolute_url(gig.get_absolute_url()),
        "preview_image_url": absolute_url(
            reverse("listings:gig_preview_image", args=[gig.pk, gig.slug or "lowongan"])
        ),
    }
