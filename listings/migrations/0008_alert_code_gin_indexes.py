"""GIN indexes over the alert code lists; PostgreSQL only (SQLite, the quick start, skips)."""

from django.db import migrations

FIELDS = ("channels", "duties", "schedule")


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for field in FIELDS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS alert_{field}_gin ON listings_alert USING gin ({field})"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for field in FIELDS:
        schema_editor.execute(f"DROP INDEX IF EXISTS alert_{field}_gin")


class Migration(migrations.Migration):
    dependencies = [("listings", "0007_alerts")]

    operations = [migrations.RunPython(create, drop)]
