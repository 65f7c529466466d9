"""Store existing gigs' cities under their canonical names ("Jogja" -> "Yogyakarta",
"Kota Bandung" -> "Bandung"), as `Gig.save` now does for new and edited gigs."""

from django.db import migrations

from listings.cities import canonical_city


def canonicalise_cities(apps, schema_editor):
    Gig = apps.get_model("listings", "Gig")
    cities = Gig.objects.exclude(city="").values_list("city", flat=True).distinct()
    for city in list(cities):
        canonical = canonical_city(city)
        if canonical != city:
            Gig.objects.filter(city=city).update(city=canonical)


class Migration(migrations.Migration):
    dependencies = [("listings", "0014_pay_insights_and_gig_daily_stats")]

    operations = [migrations.RunPython(canonicalise_cities, migrations.RunPython.noop)]
