"""Fill the load-test database with N published gigs (idempotent: does nothing when the
database already holds exactly N), then print `id slug` of 2,000 random live gigs for wrk.

Usage (production settings, called by bench/load.sh):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lokercs_load \
        .venv/bin/python bench/load_data.py 100000 urls.txt
"""

import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jobboard.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.utils.text import slugify  # noqa: E402

from accounts.models import EmployerProfile, User  # noqa: E402
from listings.models import Gig  # noqa: E402
from listings.vocabulary import Channel, Duty, GigStatus, PayModel, Schedule, WorkMode  # noqa: E402

ROLES = ["Admin Online", "CS Online", "Customer Service", "Admin Olshop", "Admin Chat", "Admin WA"]
PRODUCTS = ["Toko Hijab", "Skincare", "Frozen Food", "Katering", "Kue Kering", "Gamis", "Aksesoris HP"]
CITIES = ["Jakarta Selatan", "Bandung", "Surabaya", "Yogyakarta", "Medan", "Makassar", "Semarang"]


def populate(n: int, seed: int = 7) -> None:
    """Employers and published gigs through bulk_create, so DB triggers and defaults apply."""
    rng = random.Random(seed)
    now = timezone.now()
    users = User.objects.bulk_create(
        User(email=f"load{i}@contoh.id", role=User.Role.EMPLOYER, password="!")
        for i in range(max(50, n // 50))
    )
    EmployerProfile.objects.bulk_create(
        EmployerProfile(user=u, business_name=f"{rng.choice(PRODUCTS)} Berkah {i}", city=rng.choice(CITIES))
        for i, u in enumerate(users)
    )
    ids = [u.pk for u in users]
    for offset in range(0, n, 5_000):
        batch = []
        for _ in range(min(5_000, n - offset)):
            work_mode = rng.choice(list(WorkMode))
            city = "" if work_mode == WorkMode.REMOTE else rng.choice(CITIES)
            title = f"{rng.choice(ROLES)} {rng.choice(PRODUCTS)}" + rng.choice(["", " (WFH)", " Part Time"])
            batch.append(
                Gig(
                    employer_id=rng.choice(ids),
                    title=title,
                    slug=slugify(title),
                    description=f"{title}: balas chat pembeli, input pesanan, rekap harian. " * 3,
                    pay_model=PayModel.DAILY,
                    pay_min=rng.randrange(50_000, 150_000, 5_000),
                    work_mode=work_mode,
                    city=city,
                    schedule=rng.sample(list(Schedule.values), 2),
                    channels=rng.sample(list(Channel.values), 2),
                    duties=rng.sample(list(Duty.values), 3),
                    status=GigStatus.PUBLISHED,
                    submitted_at=now - timedelta(days=30),
                    published_at=now - timedelta(minutes=rng.randrange(60 * 24 * 29)),
                    expires_at=now + timedelta(days=rng.randint(7, 30)),
                )
            )
        Gig.objects.bulk_create(batch)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def main() -> None:
    n, urls_file = int(sys.argv[1]), Path(sys.argv[2])
    if Gig.objects.count() != n:
        start = time.perf_counter()
        Gig.objects.all().delete()
        User.objects.filter(email__startswith="load").delete()
        populate(n)
        print(f"load_data: inserted {n} gigs in {time.perf_counter() - start:.0f} s")
    sample = Gig.objects.published().order_by("?").values_list("pk", "slug")[:2000]
    urls_file.write_text("".join(f"/lowongan/{pk}/{slug}/\n" for pk, slug in sample))
    print(f"load_data: {Gig.objects.published().count()} live gigs; {len(sample)} detail URLs in {urls_file}")


if __name__ == "__main__":
    main()
