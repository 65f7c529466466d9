"""Recompute the pay insight table (the only writer of `PayInsight`).

The figure is `Gig.pay_estimate_month`, the database column `listings.pay` defines: every pay
model normalised to rupiah per month, so daily, weekly, commission and project gigs can be
compared. PostgreSQL computes every group in one statement (percentile_cont over grouping
sets); SQLite (the quick start) gets the same figures from Python.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import timedelta

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from .. import pagecache
from ..models import Gig, PayInsight
from ..vocabulary import GigStatus, WorkMode
from .selectors import BENCHMARK_CACHE_KEY

# Groups with fewer gigs are not stored, so nothing is ever shown about a handful of posts.
MIN_SAMPLE = 5
# Closed and expired gigs still say what the market paid for this long.
RECENT_DAYS = 90

Dimension = PayInsight.Dimension

_SOURCE_SQL = """
    SELECT pay_model, work_mode, lower(btrim(city)) AS city, channels, duties,
           pay_estimate_month AS pay
    FROM listings_gig
    WHERE pay_estimate_month > 0
      AND (status = %(published)s
           OR (status = %(closed)s AND closed_at >= %(since)s)
           OR (status = %(expired)s AND expires_at >= %(since)s))
"""
# Each branch: one dimension, per pay model and for all pay models together.
_GROUP_SQL = """
    SELECT %(dimension)s AS dimension, {value} AS value, COALESCE(pay_model, '') AS pay_model,
           count(*) AS n,
           percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY pay) AS q
    FROM {source}
    {where}
    GROUP BY {grouping}
    HAVING count(*) >= %(min_sample)s
"""


def _postgres_rows(since) -> Iterable[tuple]:
    source = "src"
    branches = [
        ("all", "''", source, ""),
        ("city", "city", source, f"WHERE work_mode <> '{WorkMode.REMOTE}' AND city <> ''"),
        ("work_mode", "work_mode", source, ""),
        ("channel", "code", f"{source}, jsonb_array_elements_text(channels) AS code", ""),
        ("duty", "code", f"{source}, jsonb_array_elements_text(duties) AS code", ""),
    ]
    parts, params = (
        [],
        {
            "published": GigStatus.PUBLISHED,
            "closed": GigStatus.CLOSED,
            "expired": GigStatus.EXPIRED,
            "since": since,
            "min_sample": MIN_SAMPLE,
        },
    )
    for index, (dimension, value, from_clause, where) in enumerate(branches):
        params[f"d{index}"] = dimension
        parts.append(
            _GROUP_SQL.replace("%(dimension)s", f"%(d{index})s").format(
                value=value,
                source=from_clause,
                where=where,
                # PostgreSQL refuses a constant in GROUP BY: `all` groups by pay model only.
                grouping="GROUPING SETS ((pay_model), ())"
                if dimension == Dimension.ALL
                else f"GROUPING SETS (({value}, pay_model), ({value}))",
            )
        )
    sql = f"WITH src AS MATERIALIZED ({_SOURCE_SQL}) " + " UNION ALL ".join(parts)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for dimension, value, pay_model, n, q in cursor.fetchall():
            yield dimension, value, pay_model, n, round(q[0]), round(q[1]), round(q[2])


def _quantile(ordered: list[int], fraction: float) -> float:
    """Linear interpolation between closest ranks: the same as percentile_cont."""
    position = fraction * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _python_rows(since) -> Iterable[tuple]:
    groups: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for pay_model, work_mode, city, channels, duties, pay in _source_queryset(since).values_list(
        "pay_model", "work_mode", "city", "channels", "duties", "pay_estimate_month"
    ):
        keys = [(Dimension.ALL, ""), (Dimension.WORK_MODE, work_mode)]
        city = (city or "").strip().lower()
        if work_mode != WorkMode.REMOTE and city:
            keys.append((Dimension.CITY, city))
        keys += [(Dimension.CHANNEL, code) for code in set(channels or [])]
        keys += [(Dimension.DUTY, code) for code in set(duties or [])]
        for dimension, value in keys:
            groups[(dimension, value, pay_model)].append(pay)
            groups[(dimension, value, "")].append(pay)
    for (dimension, value, pay_model), pays in groups.items():
        if len(pays) >= MIN_SAMPLE:
            pays.sort()
            q = [round(_quantile(pays, f)) for f in (0.25, 0.5, 0.75)]
            yield dimension, value, pay_model, len(pays), *q


def _source_queryset(since):
    return Gig.objects.filter(pay_estimate_month__gt=0).filter(
        Q(status=GigStatus.PUBLISHED)
        | Q(status=GigStatus.CLOSED, closed_at__gte=since)
        | Q(status=GigStatus.EXPIRED, expires_at__gte=since)
    )


def pay_insights_refresh(*, now=None) -> int:
    """Replace the pay insight table with fresh figures; returns the number of groups stored.

    One transaction: readers see the old table or the new one, never half of each.
    """
    now = now or timezone.now()
    since = now - timedelta(days=RECENT_DAYS)
    rows = _postgres_rows(since) if connection.vendor == "postgresql" else _python_rows(since)
    insights = [
        PayInsight(
            dimension=dimension,
            value=value,
            pay_model=pay_model,
            sample_size=n,
            p25=p25,
            median=median,
            p75=p75,
            computed_at=now,
        )
        for dimension, value, pay_model, n, p25, median, p75 in rows
    ]
    with transaction.atomic():
        PayInsight.objects.all().delete()
        PayInsight.objects.bulk_create(insights, batch_size=2000)
        transaction.on_commit(lambda: cache.delete(BENCHMARK_CACHE_KEY))
        pagecache.bump()  # cards carry the "Gaji wajar?" note
    return len(insights)
