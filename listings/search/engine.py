"""Turning cleaned parameters and a parsed query into one ranked queryset.

PostgreSQL: each concept matches a gig when one of its structured hints matches (e.g. "wfh"
-> work_mode remote) or its terms match the trigger-maintained, `indonesian`-stemmed search
vector. For dictionary concepts that match is precomputed by the same trigger into indexed
int arrays (`search_concepts`, `title_concepts`), so nothing re-reads vectors per row.
Words the dictionary does not know are matched against the vector (prefix, text rank);
their typos were corrected before, against the words live gigs use (`words.py`).

SQLite (quick start): the same concepts and scores, but text matching is `icontains` over
title and description for every expanded term: no stemming, no typo tolerance beyond the
dictionary's corrections, no text rank.

Score = sum of matched concept weights (hint match: full weight; text match of a concept
that also has hints: half) + text rank (PostgreSQL) + a small freshness bonus. Ties break
by newest publication, then highest id, so pages are stable.
"""

from __future__ import annotations

import re
from datetime import timedelta
from functools import cache, reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import (
    BigAutoField,
    BooleanField,
    Case,
    F,
    FloatField,
    Func,
    Lookup,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils import timezone

from ..cities import canonical_city, has_known_parts, known_cities
from ..models import Gig
from ..pay import per_month
from ..vocabulary import PayModel, WorkMode
from .amounts import PayConstraint
from .dictionary import HINT_VOCABULARIES, Concept, get_dictionary
from .parsing import ParsedQuery

TEXT_CONFIG = "indonesian"
TEXT_ONLY_SHARE = 0.5  # a concept with hints matched only by its words counts half
TITLE_BONUS = 0.25  # share of a concept's weight added when the title names it
RANK_WEIGHT = 1.0
REMOTE_FOR_CITY_SHARE = 0.15  # a remote gig for "admin bandung": below in-city gigs, above none
OTHER_ROLE_PENALTY = 1.5
FRESH_BONUS = ((timedelta(days=3), 0.3), (timedelta(days=14), 0.15))
_SAFE_WORD = re.compile(r"[a-z0-9]+")

HINT_LOOKUPS = {
    "work_mode": "work_mode__in",
    "pay_model": "pay_model__in",
    "channels": "channels__has_any_code",
    "duties": "duties__has_any_code",
    "schedule": "schedule__has_any_code",
    "time": "time_tags__has_any_code",
}


@BigAutoField.register_lookup
class AnyOf(Lookup):
    """`pk__any_of=[…]`: one array parameter on PostgreSQL (`= ANY(%s)`) rather than one
    placeholder per id, which costs Django and psycopg milliseconds for a 1000-id window."""

    lookup_name = "any_of"
    prepare_rhs = False

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        if hasattr(self.rhs, "as_sql"):  # an `ArraySubquery`: one statement, ids never leave it
            rhs, rhs_params = self.process_rhs(compiler, connection)
            return f"{lhs} = ANY({rhs})", [*lhs_params, *rhs_params]
        return f"{lhs} = ANY(%s)", [*lhs_params, [int(v) for v in self.rhs]]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        ids = [int(v) for v in self.rhs]
        placeholders = ", ".join(["%s"] * len(ids)) or "NULL"
        return f"{lhs} IN ({placeholders})", [*lhs_params, *ids]


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def city_q(city: str) -> Q:
    """Gigs in `city` or one of its parts: 'Jakarta' also finds 'Jakarta Selatan'."""
    name = re.sub(r"[^\w ]", "", canonical_city(city)).strip()
    if not name:
        return Q()
    if name in known_cities() and not has_known_parts(name):
        # Gigs store known cities canonically: one equality, which the per-city index
        # (`gig_live_city_idx`) walks in publication order; an OR cannot be walked so.
        return Q(city__iexact=name)
    return Q(city__iexact=name) | Q(city__istartswith=f"{name} ")


def split_hints(concept: Concept) -> tuple[dict, dict]:
    """(primary, secondary) hints. Hours read from a gig's windows or text (`time`) back up
    a concept's owner-chosen codes ("malam": schedule night) at half weight; for a concept
    known only by its hours ("siang", "malam minggu") they are its primary hint."""
    hints = {name: codes for name, codes in concept.hints.items() if name != "city"}
    if "time" in hints and len(hints) > 1:
        return {n: c for n, c in hints.items() if n != "time"}, {"time": hints["time"]}
    return hints, {}


def _hints_q(hints: dict) -> Q | None:
    if not hints:
        return None
    if uses_postgres():
        return Q(ConceptArrayTest([code_key(name, code) for name, codes in hints.items() for code in codes]))
    return reduce(or_, [Q(**{HINT_LOOKUPS[name]: list(codes)}) for name, codes in hints.items()])


def hint_q(concept: Concept, *, secondary: bool = False) -> Q | None:
    """Gigs matching the concept's primary hints or cities; `secondary`: its backing hints."""
    primary, backing = split_hints(concept)
    if secondary:
        return _hints_q(backing)
    parts = [q for q in [_hints_q(primary)] if q is not None]
    parts += [city_q(city) for city in concept.cities]
    return reduce(or_, parts) if parts else None


def tsquery_text(terms: tuple[str, ...], prefix: bool) -> str:
    """Raw tsquery: terms OR-ed, words of a term AND-ed. Words are [a-z0-9] only, so safe."""
    alternatives = []
    for term in terms:
        words = _SAFE_WORD.findall(term.lower())
        if words:
            suffix = ":*" if prefix else ""
            alternatives.append("(" + " & ".join(w + (suffix if len(w) >= 4 else "") for w in words) + ")")
    return " | ".join(alternatives)


def code_key(field: str, code: str) -> str:
    """Tag of a structured code in `search_concepts`, e.g. 'code:channels:shopee'."""
    return f"code:{field}:{code}"


@cache
def concept_positions() -> dict[str, int]:
    """Tag -> its number in `search_concepts`: dictionary concepts and structured codes.

    Structured codes (work mode, pay model, channels, duties, schedule) live in the same
    GIN-indexed array as text concepts, so "concept matches by hint or by words" is one
    indexable array test with real statistics (the planner then picks good plans).
    """
    keys = {c.key for c in get_dictionary().all_concepts()}
    keys |= {
        code_key(field, code) for field, vocabulary in HINT_VOCABULARIES.items() for code in vocabulary.values
    }
    return {key: position for position, key in enumerate(sorted(keys))}


class ConceptArrayTest(Func):
    """`search_concepts && ARRAY[…]` (any of the tags) or `@>` (all of them).

    The arrays are trigger-kept columns, not model fields (no gig read ever loads them), so
    the column is named here, on the query's own table alias: inside a subquery (`U0`)
    naming the outer table would make it a correlated subplan run once per outer row.
    """

    template = "%(table)s.%(column)s %(operator)s %(expressions)s::int[]"
    output_field = BooleanField()

    def __init__(self, tags: list[str], *, operator: str = "&&", in_title: bool = False):
        positions = concept_positions()
        column = "title_concepts" if in_title else "search_concepts"
        super().__init__(Value(sorted(positions[tag] for tag in tags)), column=column, operator=operator)

    def as_sql(self, compiler, connection, **extra_context):
        table = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        return super().as_sql(compiler, connection, table=table, **extra_context)


def hint_tags(concept: Concept) -> list[str]:
    return [code_key(name, code) for name, codes in concept.hints.items() if name != "city" for code in codes]


def text_q(concept: Concept, *, in_title: bool = False) -> Q | None:
    """Text match of a concept; `in_title` limits it to the title (PostgreSQL only)."""
    if uses_postgres() and not concept.fuzzy:
        return Q(ConceptArrayTest([concept.key], in_title=in_title))
    if in_title:
        return None
    if uses_postgres():
        raw = tsquery_text(concept.terms, prefix=concept.fuzzy)
        if not raw:
            return None
        return Q(search_vector=SearchQuery(raw, search_type="raw", config=TEXT_CONFIG))
    parts = [Q(title__icontains=t) | Q(description__icontains=t) for t in concept.terms if t]
    return reduce(or_, parts) if parts else None


def codes_q(field: str, codes: list[str]) -> Q:
    """Gigs with any of `codes` in `field` (channels, duties, schedule). On PostgreSQL the
    codes' tags in `search_concepts`: the live publication indexes carry that column, so a
    filtered list is read from the index alone."""
    if uses_postgres():
        return Q(ConceptArrayTest([code_key(field, code) for code in codes]))
    return Q(**{f"{field}__has_any_code": list(codes)})


def remote_q() -> Q:
    if uses_postgres():
        return Q(ConceptArrayTest([code_key("work_mode", WorkMode.REMOTE)]))
    return Q(work_mode=WorkMode.REMOTE)


def concept_q(concept: Concept, *, with_remote: bool = False) -> Q | None:
    """Gigs the concept matches; `with_remote`: a city also lets in gigs open to anyone."""
    if concept.cities and with_remote:
        return reduce(or_, [city_q(city) for city in concept.cities]) | remote_q()
    if uses_postgres() and not concept.fuzzy:
        # Hints and words in one overlap test: one index condition with good estimates.
        parts = [Q(ConceptArrayTest([*hint_tags(concept), concept.key]))]
        parts += [city_q(city) for city in concept.cities]
        return reduce(or_, parts)
    parts = [q for q in (hint_q(concept), hint_q(concept, secondary=True), text_q(concept)) if q is not None]
    return reduce(or_, parts) if parts else None


def concept_score(concept: Concept):
    whens = []
    hints, text = hint_q(concept), text_q(concept)
    if hints is not None:
        whens.append(When(hints, then=Value(concept.weight)))
    if concept.cities:
        # In-city gigs first, then remote gigs anyone can take ("bisa dari mana saja").
        whens.append(When(remote_q(), then=Value(concept.weight * REMOTE_FOR_CITY_SHARE)))
    if text is not None:
        share = TEXT_ONLY_SHARE if hints is not None else 1.0
        whens.append(When(text, then=Value(concept.weight * share)))
    backing = hint_q(concept, secondary=True)
    if backing is not None:
        whens.append(When(backing, then=Value(concept.weight * TEXT_ONLY_SHARE)))
    if not whens:
        return Value(0.0)
    score = Case(*whens, default=Value(0.0), output_field=FloatField())
    in_title = text_q(concept, in_title=True)
    if in_title is not None:
        # Weights title > labels > description: a concept named in the title ranks higher.
        score = score + Case(
            When(in_title, then=Value(concept.weight * TITLE_BONUS)),
            default=Value(0.0),
            output_field=FloatField(),
        )
    return score


def freshness_score():
    now = timezone.now()
    whens = [When(published_at__gte=now - age, then=Value(bonus)) for age, bonus in FRESH_BONUS]
    return Case(*whens, default=Value(0.0), output_field=FloatField())


def apply_matching(
    qs: QuerySet[Gig], parsed: ParsedQuery, *, relaxed: bool = False, some: bool = True
) -> QuerySet[Gig]:
    """Keep gigs the query asks for: none of the excluded concepts, every exclusive one
    ("wfh aja"), the typed pay, and at least one specific concept (OR: every word helps,
    ranking puts gigs matching all of them first).

    `relaxed`: the zero-results fallback, which keeps only the exclusions (the words still
    rank, so gigs matching them come first). `some=False` leaves out the "at least one"
    condition, for callers whose own conditions imply it (`tier_implies_some`).
    """
    for concept in parsed.negative:
        excluded = concept_q(concept)
        if excluded is not None:
            qs = qs.exclude(excluded)
    if relaxed:
        return qs
    for concept in parsed.required:
        wanted = concept_q(concept)
        if wanted is not None:
            qs = qs.filter(wanted)
    if parsed.pay is not None:
        qs = qs.filter(pay_q(parsed.pay))
    any_of = [
        q
        for q in (concept_q(c, with_remote=True) for c in parsed.filtering if not c.required)
        if q is not None
    ]
    if any_of and some:
        return qs.filter(reduce(or_, any_of))
    return qs


def tier_implies_some(parsed: ParsedQuery) -> bool:
    """Whether a gig of the top tier (`top_tier_qs`) always meets `apply_matching`'s "at
    least one specific concept": the tier requires one of those concepts itself."""
    specific = {c.key for c in parsed.filtering if not c.required}
    return not specific or any(c.key in specific for c in tier_concepts(parsed))


def top_tier_qs(parsed: ParsedQuery) -> list[Q]:
    """Conditions of the gigs that outrank the rest whatever their age: every positive
    concept matched (for queries of two or more concepts).

    The score is a sum over concepts, so a gig missing a concept scores below one that has
    them all (freshness adds at most 0.3). Ranking the newest gigs of that tier besides the
    newest matches puts the best of every match on the first pages, however broad the query
    (see `search_gigs`). A stricter tier (every concept also named in the title) was tried:
    at 1M gigs its title-tag index scan cost 0.1-1.3 s for common words ("admin").

    Words the dictionary does not know (free text) join the tier only when the query has
    fewer than two dictionary concepts: with two or more, the tier is read from the tag
    index, and a free-text word, matched in every gig's text vector, would turn that read
    into a scan of the whole text index (0.3 s at 1M gigs for "... fast respon teliti").
    Such words still rank every gig read.
    """
    concepts = tier_concepts(parsed)
    every = [concept_q(c) for c in concepts]
    if len(concepts) > 1 and None not in every:
        return [reduce(and_, every)]
    return []


def tier_concepts(parsed: ParsedQuery) -> tuple[Concept, ...]:
    known = tuple(c for c in parsed.positive if not c.fuzzy)
    return known if len(known) > 1 else parsed.positive


def pay_q(pay: PayConstraint) -> Q:
    """The typed pay on the board's one estimate (listings/pay.py): per hour for hourly
    amounts, per month for the others."""
    lookup = "lte" if pay.at_most else "gte"
    if pay.unit == PayModel.HOURLY:
        return Q(**{f"pay_estimate_hour__{lookup}": pay.amount})
    return Q(**{f"pay_estimate_month__{lookup}": per_month(pay.amount, pay.unit)})


def relevance_score(parsed: ParsedQuery):
    """The ranking expression: concept weights + title bonus + text rank + freshness, minus
    a penalty for titles naming other work (kurir, juru masak…) when the query asks for CS
    or admin work."""
    score = reduce(lambda a, b: a + b, [concept_score(c) for c in parsed.positive], freshness_score())
    other_roles = get_dictionary().other_roles
    if other_roles is not None and parsed.asks_for_cs_role:
        in_title = text_q(other_roles, in_title=True) if uses_postgres() else _title_any(other_roles.terms)
        score = score - Case(
            When(in_title, then=Value(OTHER_ROLE_PENALTY)), default=Value(0.0), output_field=FloatField()
        )
    if uses_postgres():
        # Text rank only for words the dictionary does not know (their matches are few and
        # GIN-found); dictionary concepts are scored from the precomputed concept arrays.
        all_terms = tuple(t for c in parsed.positive if c.fuzzy for t in c.terms)
        raw = tsquery_text(all_terms, prefix=False)
        if raw:
            rank = SearchRank(F("search_vector"), SearchQuery(raw, search_type="raw", config=TEXT_CONFIG))
            score = score + rank * Value(RANK_WEIGHT)
    return score


def score_reads_text(parsed: ParsedQuery) -> bool:
    """Whether `relevance_score` reads the gigs' text vectors (free-text words on
    PostgreSQL): the vector is not in the live indexes, so each scored row is a table read."""
    return uses_postgres() and any(c.fuzzy for c in parsed.positive)


def _title_any(terms: tuple[str, ...]) -> Q:
    return reduce(or_, [Q(title__icontains=term) for term in terms])


def apply_filters(qs: QuerySet[Gig], params: dict) -> QuerySet[Gig]:
    """The structured filters (AND-ed); `params` come from `clean_search_params`."""
    if params["pay_model"]:
        qs = qs.filter(pay_model=params["pay_model"])
    if params["work_mode"]:
        qs = qs.filter(work_mode=params["work_mode"])
    if params["city"]:
        qs = qs.filter(city_q(params["city"]))
    for name, field in (("channel", "channels"), ("duty", "duties"), ("schedule", "schedule")):
        if params[name]:
            qs = qs.filter(codes_q(field, params[name]))
    if params["min_pay"] is not None:
        # With a pay model the amount is that model's unit and the gig's guaranteed minimum;
        # without one it is rupiah per month, compared with the estimate (listings/pay.py).
        if params["pay_model"]:
            qs = qs.filter(pay_min__gte=params["min_pay"])
        else:
            qs = qs.filter(pay_estimate_month__gte=params["min_pay"])
    return qs
