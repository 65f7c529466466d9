"""Pay insights and employer insights at scale: refresh time and page cost at N gigs.

Usage (PostgreSQL; creates and drops its own `<db>_insights_bench` database):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lokercs \
        .venv/bin/python bench/insights_bench.py --gigs 1000000

Gigs are inserted with SQL (generate_series) in batches: a spread of pay models, pay, cities,
channels and duties; 80 % published, 10 % closed recently, 10 % closed long ago. The search
trigger is disabled for the load (this bench does not search). Then it times:

- `pay_insights_refresh()` (the hourly beat task), `--reps` times;
- `GET /gaji/` and `GET /lowongan/?sort=newest` (20 cards with the "Gaji wajar?" note),
  in-process through the test client, with their SQL query counts, and the same list page
  with the pay table emptied (no notes) to show what the notes cost;
- `gig_traffic_flush()` after recording 20 impressions for 5,000 result pages (Redis when
  REDIS_URL is set).

The last line is machine-readable:

    RESULT gigs=N refresh_s=… gaji_p50_ms=… list_p50_ms=… gaji_queries=… list_queries=… …
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jobboard.settings_test")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from accounts.models import EmployerProfile, User  # noqa: E402
from listings.insights.services import pay_insights_refresh  # noqa: E402
from listings.models import Gig, PayInsight  # noqa: E402
from listings.traffic import counters  # noqa: E402
from listings.traffic.services import gig_traffic_flush  # noqa: E402

BATCH = 100_000
INSERT = """
INSERT INTO listings_gig (
    employer_id, title, slug, description, requirements, pay_model, pay_min, pay_max,
    commission_description, work_mode, city, hours_per_week, schedule, channels, duties,
    screening_question, openings, status, rejection_reason, expires_at, submitted_at,
    published_at, closed_at, view_count, created_at, updated_at)
SELECT %(employer)s,
       'Admin Online ' || n, 'admin-online-' || n, 'Membalas chat pelanggan.', '',
       (ARRAY['hourly','daily','weekly','monthly','per_project','commission'])[1 + n %% 6],
       (ARRAY[15000, 70000, 400000, 2500000, 300000, 500000])[1 + n %% 6] + (n * 7919 %% 40) * 1000,
       CASE WHEN n %% 3 = 0 THEN (ARRAY[15000, 70000, 400000, 2500000, 300000, 500000])[1 + n %% 6]
            + (n * 7919 %% 40) * 1000 + (ARRAY[5000, 20000, 100000, 800000, 200000, 500000])[1 + n %% 6] END,
       CASE WHEN n %% 6 = 5 THEN 'Rp 5.000 per pesanan' ELSE '' END,
       (ARRAY['remote','onsite','hybrid'])[1 + n %% 3],
       CASE WHEN n %% 3 = 0 THEN '' ELSE (ARRAY['Jakarta Selatan','Bandung','Surabaya','Medan',
            'Yogyakarta','Semarang','Makassar','Denpasar','Bekasi','Malang'])[1 + n * 31 %% 10] END,
       (ARRAY[NULL, 20, 40, 10])[1 + n %% 4],
       '["part_time"]'::jsonb,
       (ARRAY['["whatsapp"]','["shopee","whatsapp"]','["tokopedia"]','["instagram","tiktok_shop"]'])
            [1 + n * 13 %% 4]::jsonb,
       (ARRAY['["customer_chat"]','["order_processing","stock_update"]','["complaint_handling"]',
              '["social_media","content_creation"]','["packing","data_entry"]'])[1 + n * 17 %% 5]::jsonb,
       '', 1,
       CASE WHEN n %% 10 < 8 THEN 'published' ELSE 'closed' END, '',
       now() + interval '20 days', now() - interval '30 days', now() - (n %% 30) * interval '1 day',
       CASE WHEN n %% 10 = 8 THEN now() - interval '10 days'
            WHEN n %% 10 = 9 THEN now() - interval '200 days' END,
       0, now(), now()
FROM generate_series(%(start)s::bigint, %(stop)s::bigint) AS n
"""


def populate(gigs: int) -> None:
    employer = User.objects.create(email="bench-insights@contoh.id", role=User.Role.EMPLOYER)
    EmployerProfile.objects.create(user=employer, business_name="Toko Bench", city="Bandung")
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE listings_gig DISABLE TRIGGER USER")
        for start in range(1, gigs + 1, BATCH):
            cursor.execute(
                INSERT, {"employer": employer.pk, "start": start, "stop": min(start + BATCH - 1, gigs)}
            )
            print(f"  inserted {min(start + BATCH - 1, gigs):,} gigs", flush=True)
        cursor.execute("ALTER TABLE listings_gig ENABLE TRIGGER USER")
        cursor.execute("VACUUM ANALYZE listings_gig")


def timed_get(client: Client, url: str, reps: int) -> tuple[float, int]:
    client.get(url)  # warm up
    times, queries = [], 0
    for _ in range(reps):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries = max(queries, len(captured))
    return statistics.median(times), queries


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--gigs", type=int, default=1_000_000)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--keepdb", action="store_true", help="reuse the bench database if it has the gigs")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("The benchmark needs PostgreSQL: set DATABASE_URL=postgres://…")
    setup_test_environment()
    connection.settings_dict["TEST"]["NAME"] = connection.settings_dict["NAME"] + "_insights_bench"
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=args.keepdb, serialize=False)
    try:
        if Gig.objects.count() != args.gigs:
            Gig.objects.all().delete()
            User.objects.filter(email__startswith="bench").delete()
            started = time.perf_counter()
            populate(args.gigs)
            print(f"loaded {args.gigs:,} gigs in {time.perf_counter() - started:.1f} s")
        refresh = []
        for _ in range(args.reps):
            started = time.perf_counter()
            groups = pay_insights_refresh()
            refresh.append(time.perf_counter() - started)
        print(
            f"pay_insights_refresh: {groups} groups, median {statistics.median(refresh):.2f} s "
            f"(min {min(refresh):.2f}, max {max(refresh):.2f})"
        )
        assert PayInsight.objects.count() == groups
        cache.clear()
        client = Client()
        gaji_ms, gaji_q = timed_get(client, "/gaji/", args.reps)
        list_ms, list_q = timed_get(client, "/lowongan/?sort=newest", args.reps)
        with connection.cursor() as cursor:  # the same page without the notes, for comparison
            cursor.execute("SELECT * INTO TEMP insight_copy FROM listings_payinsight")
        PayInsight.objects.all().delete()
        cache.clear()
        bare_ms, _bare_q = timed_get(client, "/lowongan/?sort=newest", args.reps)
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO listings_payinsight SELECT * FROM insight_copy")
        cache.clear()
        print(f"GET /gaji/: p50 {gaji_ms:.1f} ms, {gaji_q} queries")
        print(f"GET /lowongan/?sort=newest without any pay figures (no notes): p50 {bare_ms:.1f} ms")
        print(
            f"GET /lowongan/?sort=newest (20 cards with the pay note): p50 {list_ms:.1f} ms, {list_q} queries"
        )
        ids = list(Gig.objects.published().values_list("pk", flat=True)[:5000])
        started = time.perf_counter()
        for n in range(5000):
            counters.record(impressions=ids[n % 250 * 20 : n % 250 * 20 + 20])
        record_ms = (time.perf_counter() - started) * 1000 / 5000
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            rows = gig_traffic_flush()
            flush_s = time.perf_counter() - started
        print(
            f"traffic: {record_ms:.2f} ms per results page recorded; flush of {rows} gig-days "
            f"in {flush_s:.2f} s, {len(captured)} queries"
        )
        print(
            f"RESULT gigs={args.gigs} refresh_s={statistics.median(refresh):.2f} groups={groups} "
            f"gaji_p50_ms={gaji_ms:.1f} gaji_queries={gaji_q} "
            f"list_p50_ms={list_ms:.1f} list_queries={list_q} list_without_notes_p50_ms={bare_ms:.1f} "
            f"record_ms_per_page={record_ms:.2f} flush_s={flush_s:.2f} flush_queries={len(captured)}"
        )
    finally:
        if not args.keepdb:
            connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)


if __name__ == "__main__":
    main()
