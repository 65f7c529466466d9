"""Search that understands how people type ("cs wfh", "admn olshop jogja", "custumer servis").

Public entry points, used by the web page, the API, feeds and alerts alike:

- `search_gigs(params) -> QuerySet[Gig]`: published gigs matching `params` (keys `q`,
  `pay_model`, `work_mode`, `channel` (list), `duty` (list), `city`, `min_pay`,
  `schedule` (list), `sort` in relevance|newest|pay), best first. Raises
  `django.core.exceptions.ValidationError` ({field: message}) on invalid values.
- `gig_matches(gig, params) -> bool`: whether that gig is among the results of that search.
- `parse_query(text)`: the concepts a query expands to (for explanations and tests).

How a query is understood: `parsing.py` normalises and corrects words against the slang
dictionary `slang.json` (one reviewed data file), which maps phrases to search terms and to
structured hints (work mode, schedule, pay model, channels, duties, city).

PostgreSQL vs SQLite: on PostgreSQL text matching uses a trigger-maintained `tsvector`
(`indonesian` stemming, weights title > labels/city/employer > description, GIN index),
and `ts_rank` (typos are corrected before, against the board's words). On SQLite (the
quick start) the same API and scoring run with `icontains` over title and description for
every expanded term: no stemming and no text rank, so results are sensible but less finely
ordered.

Which gigs a relevance search ranks: the newest `RANK_WINDOW` (1000) matches, plus the
newest `TIER_WINDOW` (200) of the top tier (`engine.top_tier_qs`: gigs matching every
dictionary concept of the query). The score is a sum over the query's concepts plus at
most 0.3 for freshness, so a gig outside that set is either older than 200 gigs of a tier
it belongs to, or belongs to no tier and is older than the newest 1000 matches: the first
pages of a broad query ("cs wfh") are the best-scoring gigs of the whole board, not of
its last hours of postings. A relevance search scores that set when `search_gigs` is
called (one query, a second when the tier reaches past the window: `_ranked`) and keeps
the ranked ids; a page then reads only its own rows. Other sorts stay fully lazy. Lists
report at most `COUNT_BOUND` + 1 rows (`BoundedPaginator`): no exact COUNT over the board per request.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.fields import ArrayField
from django.db import connection, connections
from django.db.models import BigIntegerField, Case, F, Func, IntegerField, QuerySet, Value, When

from ..models import Gig
from ..querysets import GigQuerySet
from .engine import (
    apply_filters,
    apply_matching,
    relevance_score,
    score_reads_text,
    tier_implies_some,
    top_tier_qs,
)
from .explain import SearchInfo, explain
from .paging import COUNT_BOUND
from .params import FILTER_NAMES, PARAM_NAMES, Sort, clean_search_params
from .parsing import ParsedQuery, parse_query

# Relevance ranks at most this many of the newest matching gigs, and as many of each top
# tier. Broad queries ("cs wfh") match most of the board; scoring all of them would cost time
# linear in the board's size, while the tiers keep the best-scoring gigs in the ranked set.
RANK_WINDOW = COUNT_BOUND  # so that a full window and a capped count read alike: "Lebih dari 1.000"
# The newest gigs of each top tier ranked besides them: ten pages of the best matches.
TIER_WINDOW = 200
NEWEST = ("-published_at", "-pk")  # the ranking's tie order: newest publication, then highest id

__all__ = [
    "PARAM_NAMES",
    "ParsedQuery",
    "SearchInfo",
    "explain_query",
    "Sort",
    "clean_search_params",
    "gig_matches",
    "parse_query",
    "search_gigs",
]


def search_gigs(params: Mapping[str, Any] | None, *, relax: bool = True) -> QuerySet[Gig]:
    """Published gigs matching `params`, ranked; see the module docstring for the keys.

    The result carries `search_info` (a `SearchInfo`): what the query was understood as
    and, when a ranked search found nothing and `relax` is on, what was relaxed to find the
    gigs shown instead (the query's pay, its exclusive words, then its words as a filter:
    the gigs are still ranked by the query).
    """
    cleaned = clean_search_params(params)
    parsed = parse_query(cleaned["q"])
    filtered = apply_filters(Gig.objects.published(), cleaned)
    narrowed = any(cleaned[name] not in (None, "", []) for name in FILTER_NAMES)
    info = explain(parsed)
    sort = cleaned["sort"] or (Sort.RELEVANCE if parsed.positive or parsed.pay else Sort.NEWEST)
    if sort == Sort.RELEVANCE and (parsed.positive or parsed.pay):
        ranked_ids, capped = _ranked(filtered, parsed)
        if not ranked_ids and relax and (narrowed or parsed.constrains or parsed.understood):
            ranked_ids, capped = _ranked(filtered, parsed, relaxed=True)
            info = explain(parsed, relaxed=bool(ranked_ids))
        ranked = RankedGigQuerySet.of(ranked_ids)
        ranked.capped = capped
        ranked.search_info = info
        return ranked
    matched = apply_matching(filtered, parsed)
    if sort == Sort.PAY:
        result = _with_card_data(matched).order_by(
            F("pay_estimate_month").desc(nulls_last=True), "-published_at", "-pk"
        )
    else:
        result = _with_card_data(matched).order_by("-published_at", "-pk")
    result.search_info = info
    return result


def explain_query(text: str) -> SearchInfo:
    """How `text` is understood, without searching (alerts show it with the saved search)."""
    return explain(parse_query(text))


def _ranked(filtered: QuerySet[Gig], parsed: ParsedQuery, *, relaxed: bool = False) -> tuple[list[int], bool]:
    """Ids of the gigs to rank, best first (the newest `RANK_WINDOW` matches and the newest
    `TIER_WINDOW` of the top tier, see the module docstring), and whether more gigs match
    than the window holds.

    The window query scores its rows as it reads them: its columns are all in the live
    publication index (`gig_live_newest_idx`, migration 0028), so for dictionary words
    PostgreSQL reads no table rows at all. The top tier is a subset of the matches: when
    the window already holds `TIER_WINDOW` of its gigs, they are its newest; only when it
    holds fewer does a second query read the tier's newest. The relaxed pass (after a
    search that found nothing) reads its window and its tier in one statement, so a request
    still costs at most three (SQLite, which cannot LIMIT the parts of a UNION, takes two).
    """
    matched = apply_matching(filtered, parsed, relaxed=relaxed)
    score = relevance_score(parsed)
    tiers = top_tier_qs(parsed)
    window_qs = matched.annotate(relevance=score).order_by(*NEWEST)
    if tiers and relaxed and connections[window_qs.db].features.supports_slicing_ordering_in_compound:
        return _window_with_tier(window_qs, _tier_qs(filtered, parsed, tiers[0], score, relaxed=True))
    if tiers:
        window_qs = window_qs.annotate(
            in_tier=Case(When(tiers[0], then=Value(1)), default=Value(0), output_field=IntegerField())
        )
    flags = ("in_tier",) if tiers else ()
    # Rows come newest first; no timestamps are read (converting 1,000 of them costs more
    # than the query), so the ranking below is a stable sort on the score alone.
    rows = _rows(window_qs.values_list("pk", "relevance", *flags)[:RANK_WINDOW])
    capped = len(rows) >= RANK_WINDOW
    in_tier = sum(row[2] for row in rows) if tiers else 0
    if tiers and capped and in_tier < TIER_WINDOW:
        # The tier's newest gigs reach past the window: read them (the ones inside it again).
        seen = {row[0] for row in rows}
        tier = _tier_qs(filtered, parsed, tiers[0], score, relaxed=relaxed)
        more_rows = _rows(tier.values_list("pk", "relevance")[:TIER_WINDOW])
        rows += [row for row in more_rows if row[0] not in seen]  # older than the window
    rows.sort(key=lambda row: -row[1])  # stable: ties stay newest first
    return [row[0] for row in rows], capped


def _tier_qs(filtered: QuerySet[Gig], parsed: ParsedQuery, tier_q, score, *, relaxed: bool) -> QuerySet[Gig]:
    """The top tier's gigs, scored, newest first."""
    tier = apply_matching(filtered, parsed, relaxed=relaxed, some=not tier_implies_some(parsed))
    tier = tier.filter(tier_q).order_by(*NEWEST)
    if score_reads_text(parsed):
        # Choose the tier's newest from the live index alone, then score only those: a
        # free-text word's rank reads each gig's vector from the table, which for the
        # tens of thousands of rows the walk passes over costs 3x the walk itself.
        tier = Gig.objects.filter(pk__any_of=ArraySubquery(tier.values("pk")[:TIER_WINDOW])).order_by(*NEWEST)
    return tier.annotate(relevance=score)


def _window_with_tier(window_qs: QuerySet[Gig], tier_qs: QuerySet[Gig]) -> tuple[list[int], bool]:
    """`_ranked`'s window and tier read by one UNION ALL, newest first overall (so the
    stable sort keeps ties newest first); each row says which part it came from."""
    columns = ("pk", "relevance", "published_at", "part")
    window = window_qs.annotate(part=Value(0)).values_list(*columns)[:RANK_WINDOW]
    tier = tier_qs.annotate(part=Value(1)).values_list(*columns)[:TIER_WINDOW]
    rows = _rows(window.union(tier, all=True).order_by(*NEWEST))
    capped = sum(1 for row in rows if row[3] == 0) >= RANK_WINDOW
    best: dict[int, float] = {}
    for pk, relevance, _published, _part in rows:
        best.setdefault(pk, relevance)  # a tier gig inside the window comes twice
    return sorted(best, key=lambda pk: -best[pk]), capped


def _rows(qs: QuerySet) -> list[tuple]:
    """The rows of a `values_list` queryset as the driver returns them: ids and scores need
    no per-value converters, which cost more than the query for a 1,000-row window."""
    sql, params = qs.query.get_compiler(using=qs.db).as_sql()
    with connections[qs.db].cursor() as cursor:  # the router's database (a replica may serve)
        cursor.execute(sql, params)
        return cursor.fetchall()


class RankedGigQuerySet(GigQuerySet):
    """Gigs in a ranking computed beforehand (`_ranked`): its size is known, so `count()`
    (paginators) costs no query, and a page (a slice) reads only that page's rows.

    Any further filtering makes a clone without the ranking, which still keeps the ranked
    order and counts normally.
    """

    ranked_ids: list[int] | None = None
    capped = False  # more gigs match than the newest window holds

    @classmethod
    def of(cls, ids: list[int]) -> RankedGigQuerySet:
        ranked = _in_order(_with_card_data(cls(Gig)), _Ids(ids))
        ranked.ranked_ids = ids
        return ranked

    @property
    def known_count(self) -> int | None:
        return None if self.ranked_ids is None else len(self.ranked_ids)

    def count(self) -> int:
        known = self.known_count
        return super().count() if known is None else known

    def only(self, *fields):
        return self._keeping_rank(super().only(*fields))

    def defer(self, *fields):
        return self._keeping_rank(super().defer(*fields))

    def _keeping_rank(self, clone: RankedGigQuerySet) -> RankedGigQuerySet:
        """Choosing columns changes no row: the clone keeps the ranking and what it says."""
        clone.ranked_ids, clone.capped = self.ranked_ids, self.capped
        if hasattr(self, "search_info"):
            clone.search_info = self.search_info
        return clone

    def __getitem__(self, k):
        if self.ranked_ids is None or self._result_cache is not None or not isinstance(k, slice):
            return super().__getitem__(k)
        if k.step not in (None, 1) or (k.start or 0) < 0 or (k.stop or 0) < 0:
            return super().__getitem__(k)
        # A page: only its ids, in the same order, with the same columns.
        page = _in_order(_with_card_data(GigQuerySet(Gig)), self.ranked_ids[k])
        page.query.deferred_loading = self.query.deferred_loading
        return page


class _Ids:
    """A list of ids that Django's lookup resolution takes as one value: it rebuilds lists
    element by element (a millisecond for a 1,000-id window), and these ids are ints."""

    def __init__(self, ids: list[int]):
        self.ids = ids

    def __iter__(self):
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)


def _in_order(qs: QuerySet[Gig], ids: list[int] | _Ids) -> QuerySet[Gig]:
    """`qs` limited to `ids`, in that order (no ids: no query at all)."""
    if not ids:
        return qs.none()
    qs = qs.filter(pk__any_of=ids)
    if connection.vendor == "postgresql":
        array = Value(list(ids), output_field=ArrayField(BigIntegerField()))
        position = Func(array, F("pk"), function="array_position", output_field=IntegerField())
    else:
        whens = (When(pk=pk, then=Value(n)) for n, pk in enumerate(ids))
        position = Case(*whens, output_field=IntegerField())
    return qs.order_by(position)


def _with_card_data(qs: QuerySet[Gig]) -> QuerySet[Gig]:
    return qs.with_card_data().defer("search_vector")


def gig_matches(gig: Gig, params: Mapping[str, Any] | None) -> bool:
    """True when `gig` is among the results of the search `params` (one query).

    Used by alerts to confirm a freshly published gig fits a saved search: the answer is,
    by construction, the same as the web page and the API would give.
    """
    return search_gigs({**(params or {}), "sort": Sort.NEWEST}, relax=False).filter(pk=gig.pk).exists()
