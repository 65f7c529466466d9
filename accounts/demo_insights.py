"""Demo data for pay insights and employer insights (part of `seed_demo`). Idempotent."""

from collections.abc import Callable
from datetime import timedelta

from django.utils import timezone

from listings.insights.services import pay_insights_refresh
from listings.models import Gig, GigDailyStat
from listings.vocabulary import GigStatus

from .models import User

# (title, pay model, pay_min, pay_max, hours/week, work mode, city, channels, duties)
_ROLES = [
    ("Admin Chat WhatsApp", ["whatsapp"], ["customer_chat", "order_processing"]),
    ("CS Marketplace Shopee", ["shopee", "whatsapp"], ["customer_chat", "complaint_handling"]),
    ("Admin Olshop Tokopedia", ["tokopedia"], ["order_processing", "stock_update"]),
    ("Admin Instagram & TikTok Shop", ["instagram", "tiktok_shop"], ["social_media", "customer_chat"]),
]
_PLACES = [("remote", ""), ("onsite", "Bandung"), ("onsite", "Surabaya"), ("hybrid", "Yogyakarta")]
_SHIFTS = ["Pagi", "Siang", "Malam"]
_PAY = [
    ("daily", 60_000, 10_000, None),
    ("monthly", 1_800_000, 200_000, 40),
    ("hourly", 15_000, 2_500, 20),
    ("weekly", 350_000, 50_000, None),
]


def _market_gigs() -> list[dict]:
    """48 gigs: every role × place × pay model pairing in turn, pay stepping up a little each
    time, so each city, channel, duty and pay model has a real spread to show."""
    gigs = []
    for n in range(48):
        role, channels, duties = _ROLES[n % 4]
        work_mode, city = _PLACES[(n // 4) % 4]
        pay_model, base, step, hours = _PAY[(n // 16 + n) % 4]
        pay_min = base + step * (n % 6)
        gigs.append(
            {
                "title": f"{role} {city or 'WFH'} Shift {_SHIFTS[n // 16]}",
                "description": f"{role}: membalas pelanggan dengan ramah, mencatat pesanan dan "
                "melaporkan rekap harian ke pemilik toko.",
                "pay_model": pay_model,
                "pay_min": pay_min,
                "pay_max": pay_min + step * 2 if n % 3 == 0 else None,
                "hours_per_week": hours,
                "work_mode": work_mode,
                "city": city,
                "schedule": ["part_time"] if hours and hours < 40 else ["full_time"],
                "channels": channels,
                "duties": duties,
            }
        )
    return gigs


MakeGig = Callable[[User, str, dict], "Gig | None"]


def seed_market_gigs(employers: list[User], *, make_gig: MakeGig) -> int:
    """Gigs behind the `/gaji/` figures (a quarter of them closed), made first so the demo's
    own gigs stay the newest. `make_gig(employer, status, fields)` walks each one through the
    gig services."""
    created = 0
    for n, fields in enumerate(_market_gigs()):
        employer = employers[1 + n % (len(employers) - 1)]
        status = GigStatus.CLOSED if n % 4 == 3 else GigStatus.PUBLISHED
        if make_gig(employer, status, fields) is not None:
            created += 1
    return created


def seed_insight_demo(employers: list[User]) -> dict[str, int]:
    """Two weeks of views and search impressions for the first owner's gigs, then the pay
    figures."""
    today = timezone.localdate()
    owner_gigs = Gig.objects.filter(employer=employers[0], published_at__isnull=False).order_by("pk")
    for g, gig in enumerate(owner_gigs):
        for day in range(14):
            GigDailyStat.objects.update_or_create(
                gig=gig,
                day=today - timedelta(days=13 - day),
                defaults={"impressions": 20 + 6 * day + 11 * g + (day % 3) * 9, "views": 3 + day // 2 + g},
            )
    return {"pay_insight_groups": pay_insights_refresh()}
