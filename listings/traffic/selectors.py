"""Read-side of employer insights: the owner's dashboard over the last days."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone

from accounts.models import User

from ..models import ApplicationEvent, Gig, GigDailyStat
from ..models.application import CONTACT_STAGES

DAYS = 30
# Gigs the dashboard lists: the 10 most recently published (each has four sparklines).
LISTED_LIMIT = 10


@dataclass
class Series:
    """One metric per day, oldest first, with its sparkline geometry: x is the day's index,
    y runs from 22 (zero) to 2 (the peak), in whole units to keep 80 sparklines light."""

    values: list[float]
    total: float = 0

    @property
    def points(self) -> str:
        top = max(self.values, default=0) or 1
        return " ".join(f"{i},{round(22 - 20 * v / top)}" for i, v in enumerate(self.values))

    @property
    def width(self) -> int:
        return max(len(self.values) - 1, 1)

    @property
    def peak(self) -> float:
        return max(self.values, default=0)


@dataclass
class GigInsight:
    gig: Gig | None
    impressions: Series
    views: Series
    applications: Series
    shortlist_rate: Series  # cumulative share of the window's applications shortlisted, %
    shortlisted: int = 0

    @property
    def rate_percent(self) -> int:
        total = self.applications.total
        return min(100, round(100 * self.shortlisted / total)) if total else 0


@dataclass
class Dashboard:
    days: list[date]
    overall: GigInsight
    gigs: list[GigInsight] = field(default_factory=list)


def _cumulative_rate(applied: list[int], shortlisted: list[int]) -> list[float]:
    rates, seen, picked = [], 0, 0
    for a, s in zip(applied, shortlisted, strict=True):
        seen += a
        picked += s
        rates.append(min(100.0, round(100 * picked / seen, 1)) if seen else 0)
    return rates


def _insight(gig, impressions, views, applied, shortlisted) -> GigInsight:
    return GigInsight(
        gig=gig,
        impressions=Series(impressions, sum(impressions)),
        views=Series(views, sum(views)),
        applications=Series(applied, sum(applied)),
        shortlist_rate=Series(_cumulative_rate(applied, shortlisted)),
        shortlisted=sum(shortlisted),
    )


def owner_dashboard(*, user: User, days: int = DAYS, today: date | None = None) -> Dashboard:
    """Per gig and overall, per day over the last `days` days: search impressions, page views,
    applications and the shortlist rate. Three queries whatever the number of gigs."""
    today = today or timezone.localdate()
    start = today - timedelta(days=days - 1)
    calendar = [start + timedelta(days=n) for n in range(days)]
    index = {day: n for n, day in enumerate(calendar)}
    gigs = list(
        Gig.objects.owned_by(user)
        .exclude(published_at__isnull=True)
        .order_by("-published_at", "-pk")[:LISTED_LIMIT]
    )
    ids = [gig.pk for gig in gigs]

    def zeros():
        return {pk: [0] * days for pk in ids}

    impressions, views, applied, shortlisted = zeros(), zeros(), zeros(), zeros()
    for gig_id, day, i, v in GigDailyStat.objects.filter(gig_id__in=ids, day__gte=start).values_list(
        "gig_id", "day", "impressions", "views"
    ):
        if day in index:
            impressions[gig_id][index[day]] += i
            views[gig_id][index[day]] += v
    first_shortlist: dict[int, tuple[int, date]] = {}
    since = timezone.make_aware(datetime.combine(start, time.min))
    events = ApplicationEvent.objects.filter(
        Q(action="submit") | Q(to_status__in=CONTACT_STAGES),
        application__gig_id__in=ids,
        created_at__gte=since,
    ).values_list("application__gig_id", "application_id", "to_status", "created_at")
    for gig_id, application_id, to_status, created_at in events:
        day = timezone.localdate(created_at)
        if day not in index:
            continue
        if to_status in CONTACT_STAGES:
            known = first_shortlist.get(application_id)
            if known is None or day < known[1]:
                first_shortlist[application_id] = (gig_id, day)
        else:
            applied[gig_id][index[day]] += 1
    for gig_id, day in first_shortlist.values():
        shortlisted[gig_id][index[day]] += 1

    def column_sum(table):
        return [sum(row[n] for row in table.values()) for n in range(days)]

    return Dashboard(
        days=calendar,
        overall=_insight(
            None, column_sum(impressions), column_sum(views), column_sum(applied), column_sum(shortlisted)
        ),
        gigs=[
            _insight(gig, impressions[gig.pk], views[gig.pk], applied[gig.pk], shortlisted[gig.pk])
            for gig in gigs
        ],
    )
