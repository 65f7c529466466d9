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
`ts_rank`, and pg_trgm word similarity on titles for typos. On SQLite (the quick start) the
same API and scoring run with `icontains` over title and description for every expanded term:
no stemming and no text rank, so results are sensible but less finely ordered.

Which gigs a relevance search ranks: the newest `RANK_WINDOW` (1000) matches, plus the
newest `TIER_WINDOW` (200) of the top tier (`engine.top_tier_qs`: gigs matching every
concept of the query). The score is a sum over the query's concepts plus at
most 0.3 for freshness, so a gig outside that set is either older than 200 gigs of a tier
it belongs to, or belongs to no tier and is older than the newest 1000 matches: the first
pages of a broad query ("cs wfh") are the best-scoring gigs of the whole board, not of
its last hours of postings. A relevance search runs that one id query (one UNION ALL on
PostgreSQL) when `search_gigs` is called; other sorts stay fully lazy. Lists report at most
`COUNT_BOUND` + 1 rows (`BoundedPaginator`): no exact COUNT over the board per request.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import connection
from django.db.models import F, QuerySet, Value

from ..models import Gig
from ..querysets import GigQuerySet
from .engine import apply_filters, apply_matching, relevance_score, top_tier_qs
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
    matched = apply_matching(filtered, parsed)
    info = explain(parsed)
    sort = cleaned["sort"] or (Sort.RELEVANCE if parsed.positive or parsed.pay else Sort.NEWEST)
    if sort == Sort.RELEVANCE and (parsed.positive or parsed.pay):
        window, capped = _candidates(matched, parsed)
        if not window and relax and (narrowed or parsed.constrains or parsed.understood):
            window, capped = _candidates(apply_matching(filtered, parsed, relaxed=True), parsed)
            info = explain(parsed, relaxed=bool(window))
        # Bounded work however broad the query. The ids are fetched first (one indexed
        # query) because PostgreSQL cannot join a LIMITed IN-subquery and would re-run it
        # for every row.
        ranked = (
            _with_card_data(RankedGigQuerySet(Gig).filter(pk__any_of=window))
            .annotate(relevance=relevance_score(parsed))
            .order_by("-relevance", "-published_at", "-pk")
        )
        ranked.known_count = len(window)
        ranked.capped = capped
        ranked.search_info = info
        return ranked
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


def _candidates(matched: QuerySet[Gig], parsed: ParsedQuery) -> tuple[list[int], bool]:
    """Ids of the gigs to rank (newest matches and newest of each top tier, see the module
    docstring), and whether more gigs match than the newest window holds."""
    sets = [(matched, RANK_WINDOW), *((matched.filter(q), TIER_WINDOW) for q in top_tier_qs(parsed))]
    newest = [
        qs.order_by("-published_at", "-pk").annotate(tier=Value(n)).values_list("pk", "tier")[:size]
        for n, (qs, size) in enumerate(sets)
    ]
    if connection.features.supports_slicing_ordering_in_compound and len(newest) > 1:
        rows = list(newest[0].union(*newest[1:], all=True))
    else:
        rows = [row for qs in newest for row in qs]
    ids = list(dict.fromkeys(pk for pk, _ in rows))
    return ids, sum(1 for _, tier in rows if tier == 0) >= RANK_WINDOW


class RankedGigQuerySet(GigQuerySet):
    """A ranked relevance window: its size is known, so `count()` (paginators) costs no query.

    Any further filtering makes a clone without `known_count`, which counts normally.
    """

    known_count: int | None = None
    capped = False  # more gigs match than the newest window holds

    def count(self) -> int:
        if self.known_count is not None:
            return self.known_count
        return super().count()


def _with_card_data(qs: QuerySet[Gig]) -> QuerySet[Gig]:
    return qs.with_card_data().defer("search_vector")


def gig_matches(gig: Gig, params: Mapping[str, Any] | None) -> bool:
    """True when `gig` is among the results of the search `params` (one query).

    Used by alerts to confirm a freshly published gig fits a saved search: the answer is,
    by construction, the same as the web page and the API would give.
    """
    return search_gigs({**(params or {}), "sort": Sort.NEWEST}, relax=False).filter(pk=gig.pk).exists()
