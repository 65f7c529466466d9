"""Fill the load-test database with N published gigs (idempotent: does nothing when the
database already holds exactly N), then write the URLs of 2,000 random live gigs for wrk.

The gigs come from the search benchmark's generator (bench/search_bench.py: varied titles,
pay models, cities, channels), inserted set-based with the search columns the trigger
would store (checked against the trigger on a sample). Called by bench/load.sh with production settings:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lokercs_load \\
        .venv/bin/python bench/load_data.py 100000 urls.txt
"""

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jobboard.settings")

from search_bench import populate  # noqa: E402  (sets Django up)

from accounts.models import User  # noqa: E402
from listings.models import Gig  # noqa: E402


def main() -> None:
    n, urls_file = int(sys.argv[1]), Path(sys.argv[2])
    if Gig.objects.count() != n:
        start = time.perf_counter()
        Gig.objects.all().delete()
        User.objects.filter(email__startswith="bench").delete()
        populate(n)
        print(f"load_data: {n} gigs ready in {time.perf_counter() - start:.0f} s")
    sample = Gig.objects.published().order_by("?").values_list("pk", "slug")[:2000]
    urls_file.write_text("".join(f"/lowongan/{pk}/{slug}/\n" for pk, slug in sample))
    print(f"load_data: {Gig.objects.published().count()} live gigs; {len(sample)} detail URLs in {urls_file}")


if __name__ == "__main__":
    main()
