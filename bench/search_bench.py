"""Search benchmark: our ranked search vs a naive icontains board, on N published gigs.

Usage (PostgreSQL; creates and drops its own `test_<db>` database):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lokercs \
        .venv/bin/python bench/search_bench.py --gigs 100000

Both implementations answer the same 24 realistic queries (with and without filters)
in-process through DRF list views: ours is the real `GET /api/v1/gigs/` (search_gigs,
ranking, pagination); the baseline is what a typical Django job board does — a django-filter
FilterSet with `icontains` over title and description, exact filters, newest first, no
search index. Each query runs once to warm up, then `--reps` times per implementation.
The last line is machine-readable:

    RESULT gigs=N p50_ms=… p95_ms=… baseline_p50_ms=… ratio=… queries_per_request=…
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jobboard.settings_test")
os.environ["API_ANON_RATE"] = "100000000/minute"  # measure search, not the throttle

import django  # noqa: E402

django.setup()

import django_filters  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Q  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402
from django_filters.rest_framework import DjangoFilterBackend  # noqa: E402
from rest_framework import generics  # noqa: E402
from rest_framework.test import APIRequestFactory  # noqa: E402

from accounts.models import EmployerProfile, User  # noqa: E402
from listings.api.serializers import GigSerializer  # noqa: E402
from listings.models import Gig  # noqa: E402
from listings.vocabulary import Channel, Duty, GigStatus, PayModel, Schedule, WorkMode  # noqa: E402

QUERIES: list[dict] = [
    {"q": "cs wfh"},
    {"q": "admin olshop bandung"},
    {"q": "custumer servis malam"},
    {"q": "admin shopee pt"},
    {"q": "kerja dari rumah"},
    {"q": "admin harian"},
    {"q": "part time malam"},
    {"q": "admin online paruh waktu"},
    {"q": "cs tiktok shop"},
    {"q": "admn tokopedia"},
    {"q": "input data wfh"},
    {"q": "konfirmasi pembayaran"},
    {"q": "cs katering"},
    {"q": "admin frozen food"},
    {"q": "lowongan cs jogja"},
    {"q": "reply review shopee"},
    {"q": "balas chat wa", "pay_model": "hourly"},
    {"q": "customer service", "schedule": "full_time", "work_mode": "remote"},
    {"q": "cs online", "work_mode": "remote", "pay_model": "monthly", "min_pay": 3000000},
    {"q": "admin", "city": "Medan"},
    {"q": "skincare", "sort": "pay"},
    {"pay_model": "daily"},
    {"channel": "shopee", "sort": "pay"},
    {},
]

CITIES = [
    "Jakarta Selatan", "Jakarta Barat", "Bekasi", "Bandung", "Surabaya", "Yogyakarta", "Semarang", "Medan",
    "Makassar", "Malang", "Solo", "Depok", "Bogor", "Tangerang", "Denpasar", "Pekanbaru", "Palembang",
    "Balikpapan", "Pontianak", "Padang", "Manado",
]  # fmt: skip
PRODUCTS = [
    "Toko Hijab", "Skincare", "Frozen Food", "Katering", "Kue Kering", "Perlengkapan Bayi", "Mainan Anak",
    "Alat Elektronik", "Aksesoris HP", "Travel Umroh", "Laundry Kiloan", "Percetakan", "Bengkel Motor",
    "Toko Buku", "Kerajinan Tangan", "Madu & Herbal", "Sambal & Camilan", "Gamis", "Tas Rotan", "Kosmetik",
]  # fmt: skip
ROLES = ["Admin Online", "CS Online", "Customer Service", "Admin Olshop", "Admin Chat", "Admin WA",
         "Admin Toko Online", "Admin Marketplace", "Sales Admin", "Admin Closing", "Admin DM IG",
         "Staff Admin"]  # fmt: skip
SENTENCES = {
    "duty": ["melayani chat pembeli dengan ramah", "input pesanan ke spreadsheet",
             "cek transfer dan konfirmasi pembayaran", "menangani komplain dan retur",
             "membalas ulasan pembeli",
             "update stok produk", "packing orderan harian", "follow up calon pembeli sampai closing",
             "membuat konten dan caption", "rekap laporan penjualan mingguan"],
    "place": ["Bisa dikerjakan dari rumah, yang penting sinyal stabil.", "Full remote, tidak perlu ke toko.",
              "Kerja di toko kami.", "Sistem hybrid: 2 hari ke kantor, sisanya dari rumah."],
    "time": ["Waktu bebas diatur sendiri.", "Senin–Sabtu, 08.00–16.00.", "Shift malam 19.00–23.00.",
             "Khusus Sabtu & Minggu.", "Part time 4 jam per hari.", "Siaga saat ada orderan masuk."],
    "req": ["Syarat: min. SMA/SMK, teliti, fast respon.", "Cocok untuk mahasiswa atau ibu rumah tangga.",
            "Punya HP Android dan paham Excel dasar.", "Berpengalaman jadi admin olshop lebih disukai."],
}  # fmt: skip
PAY = {
    PayModel.HOURLY: (15_000, 35_000),
    PayModel.DAILY: (60_000, 150_000),
    PayModel.WEEKLY: (300_000, 900_000),
    PayModel.MONTHLY: (1_200_000, 5_000_000),
    PayModel.PER_PROJECT: (200_000, 2_000_000),
    PayModel.COMMISSION: (0, 1_000_000),
}


def generate_gig(rng: random.Random, employer_ids: list[int], now) -> Gig:
    pay_model = rng.choice(list(PayModel))
    low, high = PAY[pay_model]
    pay_min = rng.randrange(low, high + 1, 5_000) if high > low else low
    work_mode = rng.choices(list(WorkMode), weights=[5, 3, 2])[0]
    city = rng.choice(CITIES) if work_mode != WorkMode.REMOTE or rng.random() < 0.3 else ""
    product, role = rng.choice(PRODUCTS), rng.choice(ROLES)
    channels = rng.sample(list(Channel.values), rng.randint(1, 3))
    duties = rng.sample(list(Duty.values), rng.randint(1, 4))
    schedule = rng.sample(list(Schedule.values), rng.randint(1, 2))
    title = f"{role} {product}" + (f" {city}" if city and rng.random() < 0.5 else "")
    if rng.random() < 0.3:
        title += rng.choice([" (WFH)", " Part Time", " Harian", " Malam", " Komisi", " Borongan"])
    description = " ".join(
        [
            f"Kami toko {product.lower()} online, lagi cari {role.lower()}.",
            "Tugas: " + ", ".join(rng.sample(SENTENCES["duty"], 3)) + f"; chat masuk dari {channels[0]}.",
            rng.choice(SENTENCES["place"]),
            rng.choice(SENTENCES["time"]),
            rng.choice(SENTENCES["req"]),
        ]
    )
    return Gig(
        employer_id=rng.choice(employer_ids),
        title=title[:120],
        slug="lowongan",
        description=description,
        pay_model=pay_model,
        pay_min=pay_min,
        pay_max=pay_min + rng.choice([0, 0, high // 4]) or None,
        commission_description="Komisi 5% per closing" if pay_model == PayModel.COMMISSION else "",
        work_mode=work_mode,
        city=city,
        hours_per_week=rng.choice([None, 10, 20, 25, 40]),
        schedule=schedule,
        channels=channels,
        duties=duties,
        status=GigStatus.PUBLISHED,
        published_at=now - timedelta(minutes=rng.randrange(60 * 24 * 29)),
        submitted_at=now - timedelta(days=30),
        expires_at=now + timedelta(days=rng.randint(1, 30)),
    )


def populate(n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    now = timezone.now()
    employers = max(50, n // 50)
    users = User.objects.bulk_create(
        User(email=f"bench{i}@contoh.id", role=User.Role.EMPLOYER, password="!") for i in range(employers)
    )
    suffixes = ["Berkah", "Amanah", "Jaya"]
    EmployerProfile.objects.bulk_create(
        EmployerProfile(
            user=u,
            business_name=f"{rng.choice(PRODUCTS)} {rng.choice(suffixes)} {i}",
            city=rng.choice(CITIES),
        )
        for i, u in enumerate(users)
    )
    ids = [u.pk for u in users]
    batch = 5_000
    start = time.perf_counter()
    for offset in range(0, n, batch):
        Gig.objects.bulk_create([generate_gig(rng, ids, now) for _ in range(min(batch, n - offset))])
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE listings_gig")  # what autovacuum does on a live database
    print(f"inserted {n} gigs in {time.perf_counter() - start:.1f} s")


class BaselineFilter(django_filters.FilterSet):
    """A typical board: icontains over title/description, exact filters, newest first."""

    q = django_filters.CharFilter(method="search")
    pay_model = django_filters.CharFilter()
    work_mode = django_filters.CharFilter()
    city = django_filters.CharFilter(lookup_expr="iexact")
    min_pay = django_filters.NumberFilter(field_name="pay_min", lookup_expr="gte")
    channel = django_filters.CharFilter(field_name="channels", lookup_expr="has_code")
    schedule = django_filters.CharFilter(field_name="schedule", lookup_expr="has_code")
    sort = django_filters.CharFilter(method="ignore")

    class Meta:
        model = Gig
        fields: list[str] = []

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(description__icontains=value))

    def ignore(self, queryset, name, value):
        return queryset


class BaselineView(generics.ListAPIView):
    serializer_class = GigSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = BaselineFilter

    def get_queryset(self):
        return Gig.objects.published().select_related("employer__employer_profile").order_by("-published_at")


def timed(call, reps: int) -> tuple[list[float], list[int]]:
    times, counts = [], []
    for _ in range(reps):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = call()
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.content[:300]
        counts.append(len(ctx.captured_queries))
    return times, counts


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def run(reps: int) -> tuple[list[float], list[float], list[int]]:
    client, factory, baseline = Client(), APIRequestFactory(), BaselineView.as_view()
    ours_all, base_all, counts_all = [], [], []
    print(f"{'query':<62} {'ours p50':>9} {'base p50':>9} {'SQL':>4}")
    for params in QUERIES:
        client.get("/api/v1/gigs/", params)  # warm up
        baseline(factory.get("/api/v1/gigs/", params))
        ours, counts = timed(lambda p=params: client.get("/api/v1/gigs/", p), reps)
        base, _ = timed(lambda p=params: baseline(factory.get("/api/v1/gigs/", p)), reps)
        ours_all += ours
        base_all += base
        counts_all += counts
        label = " ".join(f"{k}={v}" for k, v in params.items()) or "(no filters)"
        print(
            f"{label[:62]:<62} {statistics.median(ours):9.1f} {statistics.median(base):9.1f} {max(counts):4d}"
        )
    return ours_all, base_all, counts_all


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--gigs", type=int, default=100_000)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--keepdb", action="store_true", help="reuse the bench database if it has the gigs")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("The benchmark needs PostgreSQL: set DATABASE_URL=postgres://…")
    setup_test_environment()
    connection.settings_dict["TEST"]["NAME"] = connection.settings_dict["NAME"] + "_bench"
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=args.keepdb, serialize=False)
    try:
        if Gig.objects.count() != args.gigs:
            Gig.objects.all().delete()
            User.objects.filter(email__startswith="bench").delete()
            populate(args.gigs)
        ours, base, counts = run(args.reps)
        p50, p95, base_p50 = percentile(ours, 50), percentile(ours, 95), percentile(base, 50)
        print(f"ours:     p50 {p50:.1f} ms  p95 {p95:.1f} ms  (PostgreSQL {connection.pg_version})")
        print(f"baseline: p50 {base_p50:.1f} ms  p95 {percentile(base, 95):.1f} ms")
        print(
            f"RESULT gigs={args.gigs} p50_ms={p50:.1f} p95_ms={p95:.1f} baseline_p50_ms={base_p50:.1f} "
            f"ratio={base_p50 / p50:.1f} queries_per_request={max(counts)}"
        )
    finally:
        if not args.keepdb:
            connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)


if __name__ == "__main__":
    main()
