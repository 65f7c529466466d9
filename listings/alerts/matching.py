"""Which alerts does a freshly published gig match?

Two steps, so that 200,000 alerts never pass through Python:
1. structured criteria (pay model, work mode, city, minimum pay, channel/duty/schedule
   codes) are one SQL query over indexed alert columns;
2. the text of the surviving alerts is confirmed with the search module, once per distinct
   query text (`Alert.q_key`), several texts per SQL statement — so an alert "cs wfh"
   matches exactly the gigs a search for "cs wfh" returns.
Profile alerts additionally need the worker's availability to overlap the gig's hours.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db.models import Q, QuerySet, Value

from accounts.models import WorkerAvailability
from listings.cities import canonical_city
from listings.models import Alert, Gig
from listings.schedule import Window, any_overlap
from listings.search import search_gigs
from listings.vocabulary import WorkMode

# Distinct query texts confirmed per SQL statement (a UNION ALL of that many searches).
TEXT_BATCH = 50


@dataclass(frozen=True)
class Match:
    alert_id: int
    worker_id: int
    frequency: str


def city_key(city: str) -> str:
    """The form of a city name the search filter compares ('jogja' -> 'yogyakarta')."""
    if not (city or "").strip():
        return ""
    return re.sub(r"[^\w ]", "", canonical_city(city)).strip().lower()


def gig_city_keys(gig: Gig) -> list[str]:
    """City keys a search would find `gig` under: 'Jakarta Selatan' -> jakarta, jakarta selatan."""
    words = (gig.city or "").lower().split(" ")
    return [" ".join(words[:n]) for n in range(1, len(words) + 1) if words[n - 1]]


def alert_structured_candidates(*, gig: Gig) -> QuerySet[Alert]:
    """Active alerts whose structured criteria all accept `gig` (one SQL query, no text check).

    The rules mirror `listings.search.engine.apply_filters`; tests hold the two together.
    """
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
    qs = Alert.objects.filter(
        Q(pay_model="") | Q(pay_model=gig.pay_model),
        Q(work_mode="") | Q(work_mode=gig.work_mode),
        city_ok,
        pay_ok,
        paused=False,
        worker__is_active=True,
        worker__banned_at__isnull=True,
    ).exclude(worker_id=gig.employer_id)
    for field in ("channels", "duties", "schedule"):
        codes = list(getattr(gig, field) or [])
        accepts = Q(**{field: []})
        if codes:
            accepts |= Q(**{f"{field}__has_any_code": codes})
        qs = qs.filter(accepts)
    return qs


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


def gig_matching_alerts(*, gig: Gig) -> list[Match]:
    """One match per worker (an instant alert wins over a daily one), in worker order."""
    candidates = alert_structured_candidates(gig=gig)
    keys = set(candidates.exclude(q_key="").values_list("q_key", flat=True).distinct())
    text_ok = text_keys_matching(gig=gig, keys=keys) if keys else set()
    rows = list(
        candidates.filter(Q(q_key="") | Q(q_key__in=text_ok))
        .values_list("pk", "worker_id", "frequency", "kind")
        .iterator(chunk_size=5000)
    )
    profile_workers = {worker_id for _, worker_id, _, kind in rows if kind == Alert.Kind.PROFILE}
    unavailable = profile_workers - workers_available_for(gig=gig, worker_ids=profile_workers)
    best: dict[int, Match] = {}
    for alert_id, worker_id, frequency, kind in rows:
        if kind == Alert.Kind.PROFILE and worker_id in unavailable:
            continue
        current = best.get(worker_id)
        if current is None or _preferred(frequency, alert_id, current):
            best[worker_id] = Match(alert_id, worker_id, frequency)
    return [best[worker_id] for worker_id in sorted(best)]


def _preferred(frequency: str, alert_id: int, current: Match) -> bool:
    instant = Alert.Frequency.INSTANT
    if (frequency == instant) != (current.frequency == instant):
        return frequency == instant
    return alert_id < current.alert_id


def workers_available_for(*, gig: Gig, worker_ids: set[int]) -> set[int]:
    """Workers whose weekly availability overlaps the gig's hours.

    A gig without fixed hours fits everyone; so does a worker who has not filled in
    availability (we would rather tell them than stay silent).
    """

    gig_windows = list(gig.time_windows.all())
    if not worker_ids or not gig_windows:
        return set(worker_ids)
    windows: dict[int, list[Window]] = defaultdict(list)
    rows = WorkerAvailability.objects.filter(profile__user_id__in=worker_ids).values_list(
        "profile__user_id", "day", "start", "end"
    )
    for user_id, day, start, end in rows:
        windows[user_id].append(Window(day, start, end))
    return {w for w in worker_ids if not windows[w] or any_overlap(windows[w], gig_windows)}


def chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
