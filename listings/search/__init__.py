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

Relevance ranking considers the newest `RANK_WINDOW` (1000) gigs that match; results, and
the result count, of very broad queries are therefore capped at that many. A relevance
search runs that one id query when `search_gigs` is called; other sorts stay fully lazy.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import F, QuerySet

from ..models import Gig
from ..querysets import GigQuerySet
from .engine import apply_filters, apply_matching, relevance_score
from .explain import SearchInfo, explain
from .params import FILTER_NAMES, PARAM_NAMES, Sort, clean_search_params
from .parsing import ParsedQuery, parse_query

# Relevance ranks at most this many of the newest matching gigs. Broad queries ("cs wfh")
# match most of the board; ranking all of them would cost time linear in the board's size,
# and a job seeker's first pages should be fresh gigs anyway. Narrower queries are unaffected.
RANK_WINDOW = 1000

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
        window = _window(matched)
        if not window and relax and (narrowed or parsed.constrains or parsed.understood):
            window = _window(apply_matching(filtered, parsed, relaxed=True))
            info = explain(parsed, relaxed=bool(window))
        # Rank the newest RANK_WINDOW matches: bounded work however broad the query. The ids
        # are fetched first (one indexed query) because PostgreSQL cannot join a LIMITed
        # IN-subquery and would re-run it for every row.
        ranked = (
            _with_card_data(RankedGigQuerySet(Gig).filter(pk__any_of=window))
            .annotate(relevance=relevance_score(parsed))
            .order_by("-relevance", "-published_at", "-pk")
        )
        ranked.known_count = len(window)
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


def _window(matched: QuerySet[Gig]) -> list[int]:
    return list(matched.order_by("-published_at", "-pk").values_list("pk", flat=True)[:RANK_WINDOW])


class RankedGigQuerySet(GigQuerySet):
    """A ranked relevance window: its size is known, so `count()` (paginators) costs no query.

    Any further filtering makes a clone without `known_count`, which counts normally.
    """

    known_count: int | None = None

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
