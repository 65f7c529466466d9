"""Which alerts does a freshly published gig match?

Two steps, so that a million alerts never pass through Python:
1. structured criteria (pay model, work mode, city, minimum pay, channel/duty/schedule
   codes) are SQL over indexed alert columns;
2. the query texts of the alerts those criteria accept are confirmed with the search module,
   once per distinct text (`Alert.q_key`), several texts per SQL statement — so an alert
   "cs wfh" matches exactly the gigs a search for "cs wfh" returns.
Profile alerts additionally need the worker's availability to overlap the gig's hours (SQL
too). `fan_out_candidates` is the whole rule for one range of workers, ready to be inserted
as notification rows by `listings.alerts.notifications`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from django.db.models import Case, Exists, F, IntegerField, Max, Min, OuterRef, Q, QuerySet, Value, When
from django.db.models.functions import ExtractHour, ExtractMinute

from accounts.models import User, WorkerAvailability
from listings.cities import canonical_city
from listings.models import Alert, Gig
from listings.schedule import MINUTES_PER_DAY, MINUTES_PER_WEEK, week_intervals
from listings.search import search_gigs
from listings.vocabulary import WorkMode

# Distinct query texts confirmed per SQL statement (a UNION ALL of that many searches).
TEXT_BATCH = 50


def city_key(city: str) -> str:
    """The form of a city name the search filter compares ('jogja' -> 'yogyakarta')."""
    if not (city or "").strip():
        return ""
    return re.sub(r"[^\w ]", "", canonical_city(city)).strip().lower()


def gig_city_keys(gig: Gig) -> list[str]:
    """City keys a search would find `gig` under: 'Jakarta Selatan' -> jakarta, jakarta selatan."""
    words = (gig.city or "").lower().split(" ")
    return [" ".join(words[:n]) for n in range(1, len(words) + 1) if words[n - 1]]


def _criteria(gig: Gig) -> Q:
    """The alert columns' side of the rules in `listings.search.engine.apply_filters`."""
    city_ok = Q(city_key="")
    if gig.city:
        city_ok |= Q(city_key__in=gig_city_keys(gig))
    if gig.work_mode == WorkMode.REMOTE:
        city_ok |= Q(remote_ok=True)
    pay_ok = (
        Q(min_pay__isnull=True)
        | Q(min_pay_unit="", min_pay__lte=gig.pay_estimate_month or 0)
        | Q(min_pay_unit=gig.pay_model, min_pay__lte=gig.pay_min)
        | (~Q(min_pay_unit="") & ~Q(min_pay_unit=gig.pay_model))
    )
    criteria = Q(pay_model="") | Q(pay_model=gig.pay_model)
    criteria &= Q(work_mode="") | Q(work_mode=gig.work_mode)
    criteria &= city_ok & pay_ok & Q(paused=False)
    for field in ("channels", "duties", "schedule"):
        codes = list(getattr(gig, field) or [])
        accepts = Q(**{field: []})
        if codes:
            accepts |= Q(**{f"{field}__has_any_code": codes})
        criteria &= accepts
    return criteria


def alert_structured_candidates(*, gig: Gig) -> QuerySet[Alert]:
    """Active alerts of workers in good standing whose structured criteria all accept `gig`
    (no text check). The rules mirror `listings.search.engine.apply_filters`; tests hold the
    two together."""
    not_in_good_standing = User.objects.filter(Q(is_active=False) | Q(banned_at__isnull=False))
    return Alert.objects.filter(
        _criteria(gig), ~Exists(not_in_good_standing.filter(pk=OuterRef("worker_id")))
    ).exclude(worker_id=gig.employer_id)


def active_texts_and_span(*, limit: int) -> tuple[set[str], tuple[int, int] | None] | None:
    """The distinct query texts of all active alerts and the span of their worker ids, read
    from indexes (no scan of the alerts); None when there are more than `limit` texts."""
    texts = set(
        Alert.objects.filter(paused=False)
        .exclude(q_key="")
        .order_by("q_key")
        .values_list("q_key", flat=True)
        .distinct()[: limit + 1]
    )
    if len(texts) > limit:
        return None
    span = Alert.objects.filter(paused=False).aggregate(first=Min("worker_id"), last=Max("worker_id"))
    return texts, (span["first"], span["last"]) if span["first"] is not None else None


def candidate_texts_and_span(*, gig: Gig) -> tuple[set[str], tuple[int, int] | None]:
    """The distinct query texts of alerts whose criteria accept `gig`, and the span of their
    worker ids (None when no alert does) — one grouped scan.

    Worker standing (banned, inactive) is left to the ranges: confirming the texts of a few
    such alerts too costs less than joining every alert to its worker here.
    """
    rows = list(
        Alert.objects.filter(_criteria(gig))
        .values("q_key")
        .annotate(first=Min("worker_id"), last=Max("worker_id"))
        .order_by()
    )
    if not rows:
        return set(), None
    texts = {row["q_key"] for row in rows if row["q_key"]}
    return texts, (min(row["first"] for row in rows), max(row["last"] for row in rows))


def text_keys_matching(*, gig: Gig, keys: Iterable[str]) -> set[str]:
    """The query texts among `keys` for which a search would return `gig`.

    Each distinct text is asked once; TEXT_BATCH texts share one SQL statement. Sorting by
    newest keeps search from ranking (which runs a query of its own); membership is the same.
    """
    matched: set[str] = set()
    for batch in chunks(sorted(set(keys)), TEXT_BATCH):
        parts = [
            search_gigs({"q": key, "sort": "newest"})
            .filter(pk=gig.pk)
            .order_by()
            .annotate(key_index=Value(i))
            .values_list("key_index", flat=True)
            for i, key in enumerate(batch)
        ]
        union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
        matched.update(batch[i] for i in union)
    return matched


def _minutes_of_day(field: str):
    return ExtractHour(field) * 60 + ExtractMinute(field)


def availability_q(*, gig: Gig) -> Q:
    """Profile alerts only: the worker's weekly availability overlaps the gig's hours.

    A gig without fixed hours fits everyone; so does a worker who has not filled in
    availability (we would rather tell them than stay silent). The overlap is
    `listings.schedule.windows_overlap` in SQL: an availability window [begin, finish) in
    minutes of the week may run past the week's end (finish > MINUTES_PER_WEEK) and then
    also covers [0, finish - MINUTES_PER_WEEK).
    """
    intervals = [interval for window in gig.time_windows.all() for interval in week_intervals(window)]
    if not intervals:
        return Q()
    own = WorkerAvailability.objects.filter(profile__user_id=OuterRef("worker_id"))
    start, end = _minutes_of_day("start"), _minutes_of_day("end")
    windows = own.annotate(
        begin=F("day") * MINUTES_PER_DAY + start,
        length=Case(
            When(Q(end__gt=F("start")), then=end - start),
            default=MINUTES_PER_DAY - start + end,
            output_field=IntegerField(),
        ),
    ).annotate(finish=F("begin") + F("length"))
    overlap = Q()
    for gig_start, gig_end in intervals:
        overlap |= Q(begin__lt=gig_end, finish__gt=gig_start) | Q(finish__gt=gig_start + MINUTES_PER_WEEK)
    return ~Q(kind=Alert.Kind.PROFILE) | ~Exists(own) | Exists(windows.filter(overlap))


def fan_out_candidates(
    *, gig: Gig, text_keys: Iterable[str], first_worker_id: int, last_worker_id: int
) -> QuerySet[Alert]:
    """Every alert of workers first_worker_id..last_worker_id that matches `gig`, given the
    query texts the gig matched; ordered so that each worker's preferred alert comes first
    (an instant alert wins over a daily one, then the oldest)."""
    text_ok = Q(q_key="")
    if keys := sorted(set(text_keys)):
        text_ok |= Q(q_key__in=keys)
    preference = Case(
        When(frequency=Alert.Frequency.INSTANT, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return (
        alert_structured_candidates(gig=gig)
        .filter(
            text_ok, availability_q(gig=gig), worker_id__gte=first_worker_id, worker_id__lte=last_worker_id
        )
        .annotate(preference=preference)
        .order_by("worker_id", "preference", "pk")
    )


def chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
