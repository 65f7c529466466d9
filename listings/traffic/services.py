"""Writes of employer insights: recording hits and folding them into `GigDailyStat`."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Case, F, PositiveIntegerField, Value, When

from ..models import Gig, GigDailyStat
from . import counters

BATCH = 1000


def gig_impressions_record(*, gigs: Iterable[Gig]) -> None:
    """A list showed these gigs' cards (search results, home, employer page): one Redis
    round trip for the whole page."""
    counters.record(impressions=[gig.pk for gig in gigs])


def gig_view_record(*, gig: Gig) -> None:
    """Someone other than the owner opened the gig's page."""
    counters.record(views=[gig.pk])


def gig_hits_replay(*, impressions: list[int] = (), views: list[int] = ()) -> None:
    """The same hits again, by gig id: a page served from the page cache (`listings.pagecache`)
    showed these cards or this gig once more."""
    counters.record(impressions=impressions, views=views)


def _upsert(rows: list[tuple[int, object, int, int]]) -> None:
    table = GigDailyStat._meta.db_table
    placeholders = ", ".join(["(%s, %s, %s, %s)"] * len(rows))
    sql = (
        f"INSERT INTO {table} (gig_id, day, impressions, views) VALUES {placeholders} "
        f"ON CONFLICT (gig_id, day) DO UPDATE SET "
        f"impressions = {table}.impressions + excluded.impressions, views = {table}.views + excluded.views"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [value for row in rows for value in row])


def gig_traffic_flush() -> int:
    """Add the counted hits to the daily rows (one upsert per 1,000 gig-days) and to each
    gig's all-time `view_count`; returns the number of gig-days written. The Redis keys are
    deleted only after the transaction commits, so a failure keeps the counts for next time."""
    with counters.drain_lock() as acquired:
        if not acquired:
            return 0
        counts, keys = counters.drain()
        merged: dict[tuple[int, object], list[int]] = {}
        for (gig_id, day, kind), hits in counts.items():
            entry = merged.setdefault((gig_id, day), [0, 0])
            entry[0 if kind == "i" else 1] += hits
        existing = set(
            Gig.objects.filter(pk__in={gig_id for gig_id, _day in merged}).values_list("pk", flat=True)
        )
        rows = [(gig_id, day, i, v) for (gig_id, day), (i, v) in sorted(merged.items()) if gig_id in existing]
        views: dict[int, int] = {}
        for gig_id, _day, _i, v in rows:
            if v:
                views[gig_id] = views.get(gig_id, 0) + v
        with transaction.atomic():
            for start in range(0, len(rows), BATCH):
                _upsert(rows[start : start + BATCH])
            view_items = sorted(views.items())
            for start in range(0, len(view_items), BATCH):
                batch = view_items[start : start + BATCH]
                Gig.objects.filter(pk__in=[pk for pk, _n in batch]).update(
                    view_count=F("view_count")
                    + Case(
                        *[When(pk=pk, then=Value(n)) for pk, n in batch],
                        output_field=PositiveIntegerField(),
                    )
                )
        counters.forget(keys)
        return len(rows)
