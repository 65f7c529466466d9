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
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import QuerySet

from ..models import Gig
from .engine import apply_filters, apply_query
from .params import PARAM_NAMES, Sort, clean_search_params
from .parsing import ParsedQuery, parse_query

__all__ = [
    "PARAM_NAMES",
    "ParsedQuery",
    "Sort",
    "clean_search_params",
    "gig_matches",
    "parse_query",
    "search_gigs",
]


def search_gigs(params: Mapping[str, Any] | None) -> QuerySet[Gig]:
    """Published gigs matching `params`, ranked; see the module docstring for the keys."""
    cleaned = clean_search_params(params)
    qs = apply_filters(Gig.objects.published().with_card_data().defer("search_vector"), cleaned)
    parsed = parse_query(cleaned["q"])
    ranked = bool(parsed.positive)
    if parsed.concepts:
        qs = apply_query(qs, parsed)
    sort = cleaned["sort"] or (Sort.RELEVANCE if ranked else Sort.NEWEST)
    if sort == Sort.PAY:
        return qs.order_by("-pay_estimate_month", "-published_at", "-pk")
    if sort == Sort.RELEVANCE and ranked:
        return qs.order_by("-relevance", "-published_at", "-pk")
    return qs.order_by("-published_at", "-pk")


def gig_matches(gig: Gig, params: Mapping[str, Any] | None) -> bool:
    """True when `gig` is among the results of the search `params` (one query).

    Used by alerts to confirm a freshly published gig fits a saved search: the answer is,
    by construction, the same as the web page and the API would give.
    """
    return search_gigs({**(params or {}), "sort": Sort.NEWEST}).filter(pk=gig.pk).exists()
