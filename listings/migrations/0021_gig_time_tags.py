"""`Gig.time_tags`: the parts of the week a gig's time windows cover (`TimeBand` codes).

Written by the gig services from the windows, or from the hours the text states when there
are none (`listings.hours.gig_time_tags`). On
PostgreSQL the search trigger adds them to `search_concepts` as `code:time:<band>` tags, so
"siang", "dini hari" or "malam minggu" match gigs by their hours in the same indexed array
test as every other concept. Gigs written before this migration get their tags computed
here, in SQL, from their windows.
"""

from django.db import migrations, models

from listings.hours import gig_time_tags

TRIGGER_SQL = """
ALTER TABLE listings_gig ALTER COLUMN time_tags SET DEFAULT '[]'::jsonb;

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
    SELECT coalesce(array_agg(c.position ORDER BY c.position), '{}') INTO NEW.search_concepts
      FROM listings_search_concept c
     WHERE (c.query IS NOT NULL AND NEW.search_vector @@ c.query)
        OR c.key = ANY (ARRAY['code:work_mode:' || NEW.work_mode, 'code:pay_model:' || NEW.pay_model]
            || ARRAY(SELECT 'code:channels:' || x FROM jsonb_array_elements_text(NEW.channels) x)
            || ARRAY(SELECT 'code:duties:' || x FROM jsonb_array_elements_text(NEW.duties) x)
            || ARRAY(SELECT 'code:schedule:' || x FROM jsonb_array_elements_text(NEW.schedule) x)
            || ARRAY(SELECT 'code:time:' || x
                       FROM jsonb_array_elements_text(coalesce(NEW.time_tags, '[]'::jsonb)) x));
    SELECT coalesce(array_agg(c.position ORDER BY c.position), '{}') INTO NEW.title_concepts
      FROM listings_search_concept c WHERE ts_filter(NEW.search_vector, '{a}') @@ c.query;
    RETURN NEW;
END $$;

DROP TRIGGER IF EXISTS listings_gig_search_vector ON listings_gig;
CREATE TRIGGER listings_gig_search_vector
    BEFORE INSERT OR UPDATE OF title, description, requirements, commission_description, city,
        channels, duties, schedule, work_mode, pay_model, employer_id, search_vector, time_tags
    ON listings_gig FOR EACH ROW EXECUTE FUNCTION listings_gig_search_vector_update();
"""

REVERSE_SQL = """
DROP TRIGGER IF EXISTS listings_gig_search_vector ON listings_gig;
CREATE TRIGGER listings_gig_search_vector
    BEFORE INSERT OR UPDATE OF title, description, requirements, commission_description, city,
        channels, duties, schedule, work_mode, pay_model, employer_id, search_vector
    ON listings_gig FOR EACH ROW EXECUTE FUNCTION listings_gig_search_vector_update();
"""


def tag_existing_gigs(apps, schema_editor):
    """Existing gigs get their tags from their windows, else from their text."""
    Gig = apps.get_model("listings", "Gig")
    for gig in Gig.objects.prefetch_related("time_windows").iterator(chunk_size=500):
        text = " ".join((gig.title or "", gig.description or "", gig.requirements or ""))
        tags = gig_time_tags(gig.time_windows.all(), text)
        if tags:
            Gig.objects.filter(pk=gig.pk).update(time_tags=tags)


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TRIGGER_SQL)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(REVERSE_SQL)


class Migration(migrations.Migration):
    dependencies = [
        ("listings", "0020_report_kept_when_reporter_deleted"),
    ]

    operations = [
        migrations.AddField(
            model_name="gig",
            name="time_tags",
            field=models.JSONField(blank=True, default=list, editable=False, verbose_name="waktu kerja"),
        ),
        migrations.RunPython(create_trigger, drop_trigger),
        migrations.RunPython(tag_existing_gigs, migrations.RunPython.noop),
    ]
