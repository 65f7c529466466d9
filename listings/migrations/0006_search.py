"""Search: pg_trgm, the stored search vector (trigger-maintained) and estimated pay columns.

PostgreSQL-only schema kept outside the ORM: table `listings_search_concept` (the slang
dictionary's concepts as tsqueries plus one tag per structured code, synced from slang.json
and the vocabulary after every `migrate` by `listings.search.sync`) and columns
`listings_gig.search_concepts` / `title_concepts` (the positions of the tags the gig's
text, codes / title match; GIN-indexed).

The trigger keeps `listings_gig.search_vector` right for every write path (ORM saves,
bulk_create, COPY, raw UPDATE): title (weight A) > channel/duty/schedule labels, city and
employer name (B) > description, requirements and commission details (C), stemmed with
PostgreSQL's `indonesian` configuration. SQLite (the quick start) skips all of it.
"""

import django.contrib.postgres.search
import django.db.models.expressions
import django.db.models.functions.comparison
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

# Frozen snapshot of vocabulary labels (Indonesian) plus the code words, as searchable text.
CODE_LABELS = {
    "whatsapp": "WhatsApp whatsapp wa",
    "instagram": "Instagram instagram ig",
    "facebook": "Facebook facebook fb",
    "tiktok_shop": "TikTok Shop tiktok shop",
    "shopee": "Shopee shopee",
    "tokopedia": "Tokopedia tokopedia",
    "lazada": "Lazada lazada",
    "phone": "Telepon phone",
    "email": "Email email",
    "website_chat": "Live chat website website chat",
    "customer_chat": "Membalas chat pelanggan customer chat",
    "order_processing": "Memproses pesanan order processing",
    "payment_confirmation": "Konfirmasi pembayaran payment confirmation",
    "complaint_handling": "Menangani komplain complaint handling",
    "review_management": "Mengelola ulasan review management",
    "social_media": "Mengelola media sosial social media",
    "content_creation": "Membuat konten content creation",
    "data_entry": "Input data data entry",
    "sales_report": "Laporan penjualan sales report",
    "stock_update": "Update stok stock update",
    "packing": "Packing packing",
    "sales_closing": "Closing penjualan sales closing",
    "flexible": "Jam fleksibel flexible",
    "part_time": "Paruh waktu part time",
    "full_time": "Penuh waktu full time",
    "shift": "Shift shift",
    "night": "Malam night",
    "weekend": "Akhir pekan weekend",
    "on_call": "Siaga on call",
}

TRIGGER_SQL = """
CREATE TABLE IF NOT EXISTS listings_search_concept (
    key text PRIMARY KEY, position smallint NOT NULL UNIQUE, query tsquery
);
ALTER TABLE listings_gig ADD COLUMN IF NOT EXISTS search_concepts int[] NOT NULL DEFAULT '{}';
ALTER TABLE listings_gig ADD COLUMN IF NOT EXISTS title_concepts int[] NOT NULL DEFAULT '{}';

CREATE OR REPLACE FUNCTION listings_gig_code_labels() RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$ SELECT %(labels)s::jsonb $$;

CREATE OR REPLACE FUNCTION listings_gig_search_vector_update() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    labels text;
    employer_name text;
BEGIN
    SELECT string_agg(listings_gig_code_labels() ->> code, ' ') INTO labels
      FROM jsonb_array_elements_text(
          coalesce(NEW.channels, '[]'::jsonb) || coalesce(NEW.duties, '[]'::jsonb)
          || coalesce(NEW.schedule, '[]'::jsonb)
      ) AS codes(code);
    SELECT business_name INTO employer_name FROM accounts_employerprofile WHERE user_id = NEW.employer_id;
    NEW.search_vector :=
        setweight(to_tsvector('indonesian', coalesce(NEW.title, '')), 'A')
        || setweight(to_tsvector('indonesian', concat_ws(' ', labels, NEW.city, employer_name)), 'B')
        || setweight(to_tsvector('indonesian', concat_ws(' ', NEW.description, NEW.requirements,
                                                          NEW.commission_description)), 'C');
    -- Tags (listings_search_concept.position): dictionary concepts the text and the title
    -- mention, plus the gig's structured codes; matching and ranking then test one small
    -- GIN-indexed int array instead of re-reading vectors and JSON.
    SELECT coalesce(array_agg(c.position ORDER BY c.position), '{}') INTO NEW.search_concepts
      FROM listings_search_concept c
     WHERE (c.query IS NOT NULL AND NEW.search_vector @@ c.query)
        OR c.key = ANY (ARRAY['code:work_mode:' || NEW.work_mode, 'code:pay_model:' || NEW.pay_model]
            || ARRAY(SELECT 'code:channels:' || x FROM jsonb_array_elements_text(NEW.channels) x)
            || ARRAY(SELECT 'code:duties:' || x FROM jsonb_array_elements_text(NEW.duties) x)
            || ARRAY(SELECT 'code:schedule:' || x FROM jsonb_array_elements_text(NEW.schedule) x));
    SELECT coalesce(array_agg(c.position ORDER BY c.position), '{}') INTO NEW.title_concepts
      FROM listings_search_concept c WHERE ts_filter(NEW.search_vector, '{a}') @@ c.query;
    RETURN NEW;
END $$;

DROP TRIGGER IF EXISTS listings_gig_search_vector ON listings_gig;
CREATE TRIGGER listings_gig_search_vector
    BEFORE INSERT OR UPDATE OF title, description, requirements, commission_description, city,
        channels, duties, schedule, work_mode, pay_model, employer_id, search_vector
    ON listings_gig FOR EACH ROW EXECUTE FUNCTION listings_gig_search_vector_update();

-- A renamed business re-indexes its gigs (setting the vector fires the trigger above).
CREATE OR REPLACE FUNCTION listings_employer_name_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE listings_gig SET search_vector = NULL WHERE employer_id = NEW.user_id;
    RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS listings_employer_name_changed ON accounts_employerprofile;
CREATE TRIGGER listings_employer_name_changed
    AFTER INSERT OR UPDATE OF business_name ON accounts_employerprofile
    FOR EACH ROW EXECUTE FUNCTION listings_employer_name_changed();

CREATE INDEX IF NOT EXISTS gig_search_vector_gin ON listings_gig USING gin (search_vector);
CREATE INDEX IF NOT EXISTS gig_search_concepts_gin ON listings_gig USING gin (search_concepts);
CREATE INDEX IF NOT EXISTS gig_title_trgm ON listings_gig USING gin (title gin_trgm_ops);
CREATE INDEX IF NOT EXISTS gig_city_upper_idx ON listings_gig (upper(city) text_pattern_ops);
-- Live gigs in publication order, alone and per pay model / work mode: the relevance window,
-- "newest" pages and their counts walk these (index-only once vacuumed) instead of the table.
CREATE INDEX IF NOT EXISTS gig_live_newest_idx ON listings_gig (published_at DESC, id DESC)
    INCLUDE (expires_at) WHERE status = 'published';
CREATE INDEX IF NOT EXISTS gig_live_pay_model_idx ON listings_gig (pay_model, published_at DESC, id DESC)
    INCLUDE (expires_at) WHERE status = 'published';
CREATE INDEX IF NOT EXISTS gig_live_work_mode_idx ON listings_gig (work_mode, published_at DESC, id DESC)
    INCLUDE (expires_at) WHERE status = 'published';
CREATE INDEX IF NOT EXISTS gig_pay_estimate_month_idx ON listings_gig (pay_estimate_month DESC);
UPDATE listings_gig SET search_vector = NULL;
"""

DROP_SQL = """
DROP TRIGGER IF EXISTS listings_employer_name_changed ON accounts_employerprofile;
DROP FUNCTION IF EXISTS listings_employer_name_changed();
DROP TRIGGER IF EXISTS listings_gig_search_vector ON listings_gig;
DROP FUNCTION IF EXISTS listings_gig_search_vector_update();
DROP FUNCTION IF EXISTS listings_gig_code_labels();
DROP INDEX IF EXISTS gig_search_vector_gin;
DROP INDEX IF EXISTS gig_title_trgm;
DROP INDEX IF EXISTS gig_pay_estimate_month_idx;
DROP INDEX IF EXISTS gig_search_concepts_gin;
DROP INDEX IF EXISTS gig_city_upper_idx;
DROP INDEX IF EXISTS gig_live_newest_idx;
DROP INDEX IF EXISTS gig_live_pay_model_idx;
DROP INDEX IF EXISTS gig_live_work_mode_idx;
ALTER TABLE listings_gig DROP COLUMN IF EXISTS search_concepts;
ALTER TABLE listings_gig DROP COLUMN IF EXISTS title_concepts;
DROP TABLE IF EXISTS listings_search_concept;
"""


def create_search_trigger(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    import json

    labels = "'" + json.dumps(CODE_LABELS).replace("'", "''") + "'"
    schema_editor.execute(TRIGGER_SQL.replace("%(labels)s", labels))


def drop_search_trigger(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(DROP_SQL)


class Migration(migrations.Migration):
    dependencies = [
        ("listings", "0005_screening"),
        ("accounts", "0001_initial"),
    ]

    operations = [
        TrigramExtension(),
        migrations.AddField(
            model_name="gig",
            name="pay_estimate_hour",
            field=models.GeneratedField(
                db_persist=True,
                expression=models.Case(
                    models.When(
                        pay_model="hourly",
                        then=django.db.models.expressions.CombinedExpression(
                            django.db.models.expressions.CombinedExpression(
                                django.db.models.functions.comparison.Cast(
                                    models.F("pay_min"), models.BigIntegerField()
                                ),
                                "+",
                                django.db.models.functions.comparison.Coalesce(
                                    django.db.models.functions.comparison.Cast(
                                        models.F("pay_max"), models.BigIntegerField()
                                    ),
                                    django.db.models.functions.comparison.Cast(
                                        models.F("pay_min"), models.BigIntegerField()
                                    ),
                                ),
                            ),
                            "/",
                            models.Value(2),
                        ),
                    ),
                    models.When(
                        pay_model="daily",
                        then=django.db.models.expressions.CombinedExpression(
                            django.db.models.expressions.CombinedExpression(
                                django.db.models.expressions.CombinedExpression(
                                    django.db.models.functions.comparison.Cast(
                                        models.F("pay_min"), models.BigIntegerField()
                                    ),
                                    "+",
                                    django.db.models.functions.comparison.Coalesce(
                                        django.db.models.functions.comparison.Cast(
                                            models.F("pay_max"), models.BigIntegerField()
                                        ),
                                        django.db.models.functions.comparison.Cast(
                                            models.F("pay_min"), models.BigIntegerField()
                                        ),
                                    ),
                                ),
                                "/",
                                models.Value(2),
                            ),
                            "/",
                            models.Value(8),
                        ),
                    ),
                    models.When(
                        pay_model="weekly",
                        then=django.db.models.expressions.CombinedExpression(
                            django.db.models.expressions.CombinedExpression(
                                django.db.models.expressions.CombinedExpression(
                                    django.db.models.functions.comparison.Cast(
                                        models.F("pay_min"), models.BigIntegerField()
                                    ),
                                    "+",
                                    django.db.models.functions.comparison.Coalesce(
                                        django.db.models.functions.comparison.Cast(
                                            models.F("pay_max"), models.BigIntegerField()
                                        ),
                                        django.db.models.functions.comparison.Cast(
                                            models.F("pay_min"), models.BigIntegerField()
                                        ),
                                    ),
                                ),
                                "/",
                                models.Value(2),
                            ),
                            "/",
                            django.db.models.functions.comparison.Cast(
                                django.db.models.functions.comparison.Coalesce(
                                    models.F("hours_per_week"), models.Value(40)
                                ),
                                models.BigIntegerField(),
                            ),
                        ),
                    ),
                    models.When(
                        pay_model="monthly",
                        then=django.db.models.expressions.CombinedExpression(
                            django.db.models.expressions.CombinedExpression(
                                django.db.models.expressions.CombinedExpression(
                                    django.db.models.expressions.CombinedExpression(
                                        django.db.models.functions.comparison.Cast(
                                            models.F("pay_min"), models.BigIntegerField()
                                        ),
                                        "+",
                                        django.db.models.functions.comparison.Coalesce(
                                            django.db.models.functions.comparison.Cast(
                                                models.F("pay_max"), models.BigIntegerField()
                                            ),
                                            django.db.models.functions.comparison.Cast(
                                                models.F("pay_min"), models.BigIntegerField()
                                            ),
                                        ),
                                    ),
                                    "/",
                                    models.Value(2),
                                ),
                                "*",
                                models.Value(12),
                            ),
                            "/",
                            django.db.models.expressions.CombinedExpression(
                                django.db.models.functions.comparison.Cast(
                                    django.db.models.functions.comparison.Coalesce(
                                        models.F("hours_per_week"), models.Value(40)
                                    ),
                                    models.BigIntegerField(),
                                ),
                                "*",
                                models.Value(52),
                            ),
                        ),
                    ),
                    models.When(
                        pay_model="per_project",
                        then=django.db.models.expressions.CombinedExpression(
                            django.db.models.expressions.CombinedExpression(
                                django.db.models.expressions.CombinedExpression(
                                    django.db.models.expressions.CombinedExpression(
                                        django.db.models.functions.comparison.Cast(
                                            models.F("pay_min"), models.BigIntegerField()
                                        ),
                                        "+",
                                        django.db.models.functions.comparison.Coalesce(
                                            django.db.models.functions.comparison.Cast(
                                                models.F("pay_max"), models.BigIntegerField()
                                            ),
                                            django.db.models.functions.comparison.Cast(
                                                models.F("pay_min"), models.BigIntegerField()
                                            ),
                                        ),
                                    ),
                                    "/",
                                    models.Value(2),
                                ),
                                "*",
                                models.Value(12),
                            ),
                            "/",
                            django.db.models.expressions.CombinedExpression(
                                django.db.models.functions.comparison.Cast(
                                    django.db.models.functions.comparison.Coalesce(
                                        models.F("hours_per_week"), models.Value(20)
                                    ),
                                    models.BigIntegerField(),
                                ),
                                "*",
                                models.Value(52),
                            ),
                        ),
                    ),
                    default=django.db.models.expressions.CombinedExpression(
                        django.db.models.expressions.CombinedExpression(
                            django.db.models.expressions.CombinedExpression(
                                django.db.models.expressions.CombinedExpression(
                                    django.db.models.functions.comparison.Cast(
                                        models.F("pay_min"), models.BigIntegerField()
                                    ),
                                    "+",
                                    django.db.models.functions.comparison.Coalesce(
                                        django.db.models.functions.comparison.Cast(
                                            models.F("pay_max"), models.BigIntegerField()
                                        ),
                                        django.db.models.functions.comparison.Cast(
                                            models.F("pay_min"), models.BigIntegerField()
                                        ),
                                    ),
                                ),
                                "/",
                                models.Value(2),
                            ),
                            "*",
                            models.Value(12),
                        ),
                        "/",
                        django.db.models.expressions.CombinedExpression(
                            django.db.models.functions.comparison.Cast(
                                django.db.models.functions.comparison.Coalesce(
                                    models.F("hours_per_week"), models.Value(40)
                                ),
                                models.BigIntegerField(),
                            ),
                            "*",
                            models.Value(52),
                        ),
                    ),
                    output_field=models.BigIntegerField(),
                ),
                output_field=models.BigIntegerField(),
            ),
        ),
        migrations.AddField(
            model_name="gig",
            name="pay_estimate_month",
            field=models.GeneratedField(
                db_persist=True,
                expression=models.Case(
                    models.When(
                        pay_model="hourly",
                        then=django.db.models.expressions.CombinedExpression(
                            django.db.models.expressions.CombinedExpression(
                                django.db.models.expressions.CombinedExpression(
                                    django.db.models.expressions.CombinedExpression(
                                        django.db.models.expressions.CombinedExpression(
                                            django.db.models.functions.comparison.Cast(
                                                models.F("pay_min"), models.BigIntegerField()
                                            ),
                                            "+",
                                            django.db.models.functions.comparison.Coalesce(
                                                django.db.models.functions.comparison.Cast(
                                                    models.F("pay_max"), models.BigIntegerField()
                                                ),
                                                django.db.models.functions.comparison.Cast(
                                                    models.F("pay_min"), models.BigIntegerField()
                                                ),
                                            ),
                                        ),
                                        "/",
                                        models.Value(2),
                                    ),
                                    "*",
                                    django.db.models.functions.comparison.Cast(
                                        django.db.models.functions.comparison.Coalesce(
                                            models.F("hours_per_week"), models.Value(20)
                                        ),
                                        models.BigIntegerField(),
                                    ),
                                ),
                                "*",
                                models.Value(52),
                            ),
                            "/",
                            models.Value(12),
                        ),
                    ),
                    models.When(
                        pay_model="daily",
                        then=django.db.models.expressions.CombinedExpression(
                            django.db.models.expressions.CombinedExpression(
                                django.db.models.expressions.CombinedExpression(
                                    django.db.models.functions.comparison.Cast(
                                        models.F("pay_min"), models.BigIntegerField()
                                    ),
                                    "+",
                                    django.db.models.functions.comparison.Coalesce(
                                        django.db.models.functions.comparison.Cast(
                                            models.F("pay_max"), models.BigIntegerField()
                                        ),
                                        django.db.models.functions.comparison.Cast(
                                            models.F("pay_min"), models.BigIntegerField()
                                        ),
                                    ),
                                ),
                                "/",
                                models.Value(2),
                            ),
                            "*",
                            models.Value(22),
                        ),
                    ),
                    models.When(
                        pay_model="weekly",
                        then=django.db.models.expressions.CombinedExpression(
                            django.db.models.expressions.CombinedExpression(
                                django.db.models.expressions.CombinedExpression(
                                    django.db.models.expressions.CombinedExpression(
                                        django.db.models.functions.comparison.Cast(
                                            models.F("pay_min"), models.BigIntegerField()
                                        ),
                                        "+",
                                        django.db.models.functions.comparison.Coalesce(
                                            django.db.models.functions.comparison.Cast(
                                                models.F("pay_max"), models.BigIntegerField()
                                            ),
                                            django.db.models.functions.comparison.Cast(
                                                models.F("pay_min"), models.BigIntegerField()
                                            ),
                                        ),
                                    ),
                                    "/",
                                    models.Value(2),
                                ),
                                "*",
                                models.Value(52),
                            ),
                            "/",
                            models.Value(12),
                        ),
                    ),
                    default=django.db.models.expressions.CombinedExpression(
                        django.db.models.expressions.CombinedExpression(
                            django.db.models.functions.comparison.Cast(
                                models.F("pay_min"), models.BigIntegerField()
                            ),
                            "+",
                            django.db.models.functions.comparison.Coalesce(
                                django.db.models.functions.comparison.Cast(
                                    models.F("pay_max"), models.BigIntegerField()
                                ),
                                django.db.models.functions.comparison.Cast(
                                    models.F("pay_min"), models.BigIntegerField()
                                ),
                            ),
                        ),
                        "/",
                        models.Value(2),
                    ),
                    output_field=models.BigIntegerField(),
                ),
                output_field=models.BigIntegerField(),
            ),
        ),
        migrations.AddField(
            model_name="gig",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(create_search_trigger, drop_search_trigger),
    ]
