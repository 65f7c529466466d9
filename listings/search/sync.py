"""Keeps PostgreSQL's `listings_search_concept` table equal to the slang dictionary.

Runs after every `manage.py migrate` (post_migrate signal). When a concept's terms changed,
every gig is re-tagged (the search trigger recomputes `search_concepts` / `title_concepts`),
so editing slang.json and running `migrate` is all a deploy needs.
"""

from __future__ import annotations

from django.db import connections

from .dictionary import get_dictionary
from .engine import TEXT_CONFIG, concept_positions, tsquery_text


def concept_queries() -> dict[str, str | None]:
    """Tag -> raw tsquery text (None for structured-code tags), in position order."""
    queries = {}
    for concept in get_dictionary().all_concepts():
        raw = tsquery_text(concept.terms, prefix=False)
        if raw:
            queries[concept.key] = raw
    return {key: queries.get(key) for key in concept_positions()}


def sync_search_concepts(*, using: str = "default") -> bool:
    """Upsert the concept table; re-tag all gigs if anything changed. Returns whether it did."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return False
    wanted = concept_queries()
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('listings_search_concept') IS NOT NULL")
        if not cursor.fetchone()[0]:
            return False
        keys, raws, positions = list(wanted), list(wanted.values()), list(range(len(wanted)))
        cursor.execute(
            "SELECT key, position, coalesce(query::text, '') FROM listings_search_concept"
            " UNION ALL SELECT %s || key, position, coalesce(to_tsquery(%s::regconfig, raw)::text, '')"
            " FROM unnest(%s::text[], %s::text[], %s::int[]) AS wanted(key, raw, position)",
            ["new:", TEXT_CONFIG, keys, raws, positions],
        )
        rows = cursor.fetchall()
        current = {(k, p, q) for k, p, q in rows if not k.startswith("new:")}
        target = {(k[4:], p, q) for k, p, q in rows if k.startswith("new:")}
        if current == target:
            return False
        cursor.execute("DELETE FROM listings_search_concept")
        cursor.execute(
            "INSERT INTO listings_search_concept (key, position, query)"
            " SELECT key, position, to_tsquery(%s::regconfig, raw)"
            " FROM unnest(%s::text[], %s::text[], %s::int[]) AS w(key, raw, position)",
            [TEXT_CONFIG, keys, raws, positions],
        )
        cursor.execute("UPDATE listings_gig SET search_vector = NULL")
    return True


def on_post_migrate(sender, using: str = "default", **kwargs) -> None:
    sync_search_concepts(using=using)
