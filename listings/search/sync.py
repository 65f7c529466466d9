"""Keeps PostgreSQL's `listings_search_concept` table equal to the slang dictionary.

Runs after every `manage.py migrate` (post_migrate signal). When a concept's terms changed,
every gig is re-tagged (the search trigger recomputes `search_tags`), so editing slang.json
and running `migrate` is all a deploy needs.
"""

from __future__ import annotations

from django.db import connections

from .dictionary import get_dictionary
from .engine import TEXT_CONFIG, tsquery_text


def concept_queries() -> dict[str, str]:
    """Concept key -> raw tsquery text for every dictionary concept with searchable terms."""
    queries = {}
    for concept in get_dictionary().phrases.values():
        raw = tsquery_text(concept.terms, prefix=False)
        if raw:
            queries[concept.key] = raw
    return queries


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
        cursor.execute(
            "SELECT key, query::text FROM listings_search_concept"
            " UNION ALL SELECT %s || key, to_tsquery(%s::regconfig, raw)::text"
            " FROM unnest(%s::text[], %s::text[]) AS wanted(key, raw)",
            ["new:", TEXT_CONFIG, list(wanted), list(wanted.values())],
        )
        rows = cursor.fetchall()
        current = {k: q for k, q in rows if not k.startswith("new:")}
        target = {k[4:]: q for k, q in rows if k.startswith("new:")}
        if current == target:
            return False
        cursor.execute("DELETE FROM listings_search_concept")
        cursor.execute(
            "INSERT INTO listings_search_concept (key, query)"
            " SELECT key, to_tsquery(%s::regconfig, raw) FROM unnest(%s::text[], %s::text[]) AS w(key, raw)",
            [TEXT_CONFIG, list(wanted), list(wanted.values())],
        )
        cursor.execute("UPDATE listings_gig SET search_vector = NULL")
    return True


def on_post_migrate(sender, using: str = "default", **kwargs) -> None:
    sync_search_concepts(using=using)
