"""Indexes for search at a million gigs (PostgreSQL only, like 0006_search).

- `gig_live_city_idx`: live gigs per city in publication order, so a city filter's
  relevance window and "newest" pages read that city's gigs instead of walking the whole
  board's publication index and discarding the other cities' rows.
- `gig_live_pay_idx`: live gigs in `sort=pay` order (estimate, then newest), so pay-sorted
  pages are an index walk, not a sort of every match.
"""

from django.db import migrations

CREATE_SQL = """
CREATE INDEX IF NOT EXISTS gig_live_city_idx
    ON listings_gig (upper(city) text_pattern_ops, published_at DESC, id DESC)
    INCLUDE (expires_at) WHERE status = 'published';
CREATE INDEX IF NOT EXISTS gig_live_pay_idx
    ON listings_gig (pay_estimate_month DESC NULLS LAST, published_at DESC, id DESC)
    INCLUDE (expires_at) WHERE status = 'published';
"""

DROP_SQL = """
DROP INDEX IF EXISTS gig_live_city_idx;
DROP INDEX IF EXISTS gig_live_pay_idx;
"""


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_SQL)


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_SQL)


class Migration(migrations.Migration):
    dependencies = [("listings", "0025_ux_message_codes_data")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
