"""Fan-out benchmark: publish one gig against N alerts, with 1 or more Celery worker processes.

Usage (PostgreSQL + Redis; uses the database in DATABASE_URL and cleans up after itself):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lokercs \\
    CELERY_BROKER_URL=redis://127.0.0.1:6379/6 \\
    .venv/bin/python bench/fanout_bench.py [--alerts 200000] [--match-rate 0.05] [--workers 1,2,4]

What it does:
1. creates N workers, each with one alert (a realistic mix: about half with query text from
   a pool of ~150 phrases, the rest filters only; channels, pay model, work mode, city,
   minimum pay, duties, schedule, instant/daily), of which `match-rate` are built to match
   the gig and the rest each carry at least one criterion that rules it out;
2. starts ONE Celery worker process (`-P solo`), publishes the gig through
   `services.gig_publish_automatically`, and measures from the gig's `published_at` to the
   last Notification row's `created_at` (both written by the code under test);
3. measures the naive baseline in this process: load every alert as a model instance and
   evaluate it in Python, text with `listings.search.gig_matches` per alert — as a
   straightforward implementation would. `--baseline-sample K` (default 0 = all) evaluates
   only K random alerts' text and extrapolates; the output says so when it does.
The workers consume the `fanout` and `default` queues, as compose's fan-out workers do: the
emails (queue `email`) have their own workers and are not part of this measurement.
`--workers 1,2,4` repeats step 2 for each count with that many worker processes (each
`-P solo`, so one process each), publishing a fresh identical gig each time, and prints the
scaling against one worker (one RESULT line per count; the baseline runs once).
Prints figures, then one machine-readable last line:
RESULT alerts=N matches=M seconds=S baseline_seconds=B ratio=R peak_rss_mb=X
(peak_rss_mb is the worker process's VmHWM).
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jobboard.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Max  # noqa: E402

from accounts.models import User  # noqa: E402
from listings.alerts.matching import city_key, gig_city_keys, gig_matching_alerts, text_keys_matching  # noqa: E402
from listings.gigs import services  # noqa: E402
from listings.models import Alert, Gig, Notification  # noqa: E402
from listings.models.alerts import normalize_query  # noqa: E402
from listings.search import gig_matches  # noqa: E402
from listings.vocabulary import Channel, Duty, PayModel, Schedule, WorkMode  # noqa: E402

DOMAIN = "bench-fanout.invalid"
CITIES = [
    "Jakarta Selatan", "Bandung", "Surabaya", "Medan", "Semarang", "Yogyakarta", "Makassar",
    "Palembang", "Depok", "Bekasi", "Tangerang", "Bogor", "Malang", "Solo", "Denpasar",
    "Balikpapan", "Pontianak", "Padang", "Pekanbaru", "Manado",
]  # fmt: skip
PHRASE_WORDS = [
    "admin", "cs", "customer service", "admin olshop", "admin online", "cs wfh", "admin shopee",
    "admin tokopedia", "admin chat", "kerja dari rumah", "part time", "admin harian",
    "cs malam", "admin weekend", "live chat", "admin instagram", "admin marketplace",
    "customer servis", "admin closing", "cs online", "admin gudang", "kasir", "desain grafis",
    "driver", "guru les", "penjaga toko", "barista", "admin keuangan", "akuntan", "sales lapangan",
]  # fmt: skip
PHRASE_SUFFIXES = ["", " wfh", " part time", " harian", " malam", " skincare", " hijab", " jogja", " bandung"]


def gig_under_test(employer: User) -> Gig:
    return Gig.objects.create(
        employer=employer,
        title="Admin Olshop Skincare (WFH, Part Time)",
        description="Membalas chat pembeli di Shopee dan WhatsApp, input pesanan, rekap harian. "
        "Bisa dari rumah.",
        pay_model=PayModel.DAILY,
        pay_min=100_000,
        pay_max=150_000,
        work_mode=WorkMode.REMOTE,
        city="",
        hours_per_week=25,
        schedule=[Schedule.PART_TIME, Schedule.FLEXIBLE],
        channels=[Channel.SHOPEE, Channel.WHATSAPP, Channel.INSTAGRAM],
        duties=[Duty.CUSTOMER_CHAT, Duty.ORDER_PROCESSING],
        status="pending",
    )


BENCH_USERS = "SELECT id FROM accounts_user WHERE email LIKE %(pattern)s"
BENCH_GIGS = f"SELECT id FROM listings_gig WHERE employer_id IN ({BENCH_USERS})"
CLEANUP = (
    f"DELETE FROM listings_notification WHERE worker_id IN ({BENCH_USERS}) OR gig_id IN ({BENCH_GIGS})",
    f"DELETE FROM listings_inboxitem WHERE user_id IN ({BENCH_USERS})",
    f"DELETE FROM listings_alert WHERE worker_id IN ({BENCH_USERS})",
    f"DELETE FROM listings_gigevent WHERE gig_id IN ({BENCH_GIGS})",
    f"DELETE FROM listings_gigfanout WHERE gig_id IN ({BENCH_GIGS})",
    f"DELETE FROM listings_gig WHERE id IN ({BENCH_GIGS})",
    f"DELETE FROM accounts_user WHERE id IN ({BENCH_USERS})",
)


def cleanup() -> None:
    """Remove everything the benchmark created (its users all have emails @DOMAIN)."""
    with connection.cursor() as cursor:
        for statement in CLEANUP:
            cursor.execute(statement, {"pattern": f"%@{DOMAIN}"})


def phrase_pool(rng: random.Random) -> list[str]:
    pool = sorted({word + suffix for word in PHRASE_WORDS for suffix in PHRASE_SUFFIXES})
    rng.shuffle(pool)
    return pool[:150]


def build_alerts(n: int, match_rate: float, gig: Gig, rng: random.Random) -> tuple[list[dict], int]:
    """Alert field dicts; returns (alerts, how many are built to match)."""
    pool = phrase_pool(rng)
    gig.status = "published"  # text matching needs a published gig; restored by the caller
    gig.save(update_fields=["status"])
    matching_texts = sorted(text_keys_matching(gig=gig, keys={normalize_query(p) for p in pool}))
    other_texts = sorted({normalize_query(p) for p in pool} - set(matching_texts))
    gig.status = "pending"
    gig.save(update_fields=["status"])
    n_match = round(n * match_rate)
    alerts = []
    for i in range(n):
        fields = random_criteria(
            rng, gig, compatible=i < n_match, matching_texts=matching_texts, other_texts=other_texts
        )
        fields["frequency"] = "instant" if rng.random() < 0.7 else "daily"
        alerts.append(fields)
    rng.shuffle(alerts)
    return alerts, n_match


def random_criteria(rng, gig: Gig, *, compatible: bool, matching_texts, other_texts) -> dict:
    all_channels = list(Channel.values)
    other_channels = [c for c in all_channels if c not in gig.channels]
    f: dict = {"q": "", "pay_model": "", "work_mode": "", "city": "", "min_pay": None,
               "channels": [], "duties": [], "schedule": []}  # fmt: skip
    # Optional criteria, each compatible with the gig (the ruling-out one comes after).
    if rng.random() < 0.5:
        f["q"] = rng.choice(matching_texts)
    if rng.random() < 0.4:
        f["channels"] = rng.sample(gig.channels, 1) + rng.sample(other_channels, rng.randint(0, 1))
    if rng.random() < 0.3:
        f["pay_model"] = gig.pay_model
    if rng.random() < 0.4:
        f["work_mode"] = gig.work_mode
    if rng.random() < 0.2:
        f["min_pay"] = (
            rng.choice([50_000, 75_000, 100_000]) if f["pay_model"] else rng.choice([1_000_000, 2_000_000])
        )
    if rng.random() < 0.2:
        f["duties"] = rng.sample(gig.duties, 1)
    if rng.random() < 0.2:
        f["schedule"] = rng.sample(gig.schedule, 1)
    if compatible:
        return f
    rule_out = rng.choice(["channel", "channel", "city", "pay_model", "work_mode", "text", "text", "min_pay"])
    if rule_out == "channel":
        f["channels"] = rng.sample(other_channels, rng.randint(1, 2))
    elif rule_out == "city":
        f["city"] = rng.choice(CITIES)
        f["work_mode"] = rng.choice(["", WorkMode.ONSITE])
    elif rule_out == "pay_model":
        f["pay_model"] = rng.choice([p for p in PayModel.values if p != gig.pay_model])
        f["min_pay"] = None
    elif rule_out == "work_mode":
        f["work_mode"] = rng.choice([WorkMode.ONSITE, WorkMode.HYBRID])
    elif rule_out == "text":
        f["q"] = rng.choice(other_texts)
    else:
        f["pay_model"] = gig.pay_model
        f["min_pay"] = 1_000_000  # per day
    return f


def create_data(n: int, match_rate: float, seed: int) -> tuple[Gig, int]:
    rng = random.Random(seed)
    employer = User.objects.create_user(email=f"owner@{DOMAIN}", role=User.Role.EMPLOYER)
    gig = gig_under_test(employer)
    specs, n_match = build_alerts(n, match_rate, gig, rng)
    batch = 5000
    city_keys: dict[str, str] = {}
    for start in range(0, n, batch):
        users = User.objects.bulk_create(
            [
                User(email=f"w{i}@{DOMAIN}", role=User.Role.WORKER, password="!")
                for i in range(start, min(start + batch, n))
            ]
        )
        alerts = []
        for user, spec in zip(users, specs[start : start + batch], strict=True):
            city = spec["city"]
            if city not in city_keys:
                city_keys[city] = city_key(city)
            alerts.append(
                Alert(
                    worker=user,
                    name=spec["q"] or "Filter",
                    q_key=normalize_query(spec["q"]),
                    city_key=city_keys[city],
                    min_pay_unit=spec["pay_model"],
                    **spec,
                )
            )
        Alert.objects.bulk_create(alerts)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE listings_alert")
        cursor.execute("ANALYZE accounts_user")
    return gig, n_match


def start_worker(log: Path, index: int = 0) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "jobboard.settings",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    }
    return subprocess.Popen(  # one worker process: the solo pool runs tasks in the main process
        [sys.executable, "-m", "celery", "-A", "jobboard", "worker", "-P", "solo", "-n", f"bench{index}@%h",
         "-Q", "fanout,default", "--without-gossip", "--without-mingle", "--without-heartbeat"],
        env=env, cwd=ROOT, start_new_session=True, stdout=log.open("a"), stderr=subprocess.STDOUT,
    )  # fmt: skip


def wait_ready(workers: list[subprocess.Popen], timeout: float = 60) -> None:
    from jobboard.celery import app

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(worker.poll() is not None for worker in workers):
            raise SystemExit("worker exited early")
        replies = app.control.ping(timeout=0.5)
        if len(replies) >= len(workers):
            return
    raise SystemExit("workers did not start")


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def measure_fanout(gig: Gig, expected: int, timeout: float, n_workers: int = 1) -> tuple[float, int, float]:
    from jobboard.celery import app

    app.control.purge()
    log = ROOT / ".data" / "fanout_bench_worker.log"
    log.parent.mkdir(exist_ok=True)
    workers = [start_worker(log, i) for i in range(n_workers)]
    try:
        wait_ready(workers)
        services.gig_publish_automatically(gig=gig, reason="benchmark")  # on_commit -> match_gig
        rows = Notification.objects.filter(gig=gig)
        deadline = time.monotonic() + timeout
        count = 0
        while time.monotonic() < deadline:
            count = rows.count()
            if count >= expected:
                break
            time.sleep(0.05)
        rss = max(peak_rss_mb(worker.pid) for worker in workers)
    finally:
        for worker in workers:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait()
        app.control.purge()
    gig.refresh_from_db()
    last = rows.aggregate(last=Max("created_at"))["last"]
    if count < expected or last is None:
        raise SystemExit(f"fan-out incomplete: {count}/{expected} rows after {timeout}s (see {log})")
    return (last - gig.published_at).total_seconds(), count, rss


def naive_baseline(gig: Gig, sample: int, rng: random.Random) -> tuple[float, int, bool]:
    """Load every alert and evaluate it in Python, text through the search module per alert."""
    started = time.perf_counter()
    alerts = list(Alert.objects.filter(paused=False).select_related("worker"))
    text_alerts = []
    structured_ok = []
    pay_month = gig.pay_estimate_month or 0
    gig_keys = set(gig_city_keys(gig))
    for alert in alerts:
        if not alert.worker.is_active or alert.worker.banned_at or alert.worker_id == gig.employer_id:
            continue
        if alert.pay_model and alert.pay_model != gig.pay_model:
            continue
        if alert.work_mode and alert.work_mode != gig.work_mode:
            continue
        if alert.city and city_key(alert.city) not in gig_keys:
            continue
        if alert.min_pay is not None:
            if alert.min_pay_unit == "" and alert.min_pay > pay_month:
                continue
            if alert.min_pay_unit == gig.pay_model and alert.min_pay > gig.pay_min:
                continue
        if any(
            getattr(alert, f) and not set(getattr(alert, f)) & set(getattr(gig, f))
            for f in ("channels", "duties", "schedule")
        ):
            continue
        (text_alerts if alert.q else structured_ok).append(alert)
    extrapolated = bool(sample) and sample < len(text_alerts)
    checked = rng.sample(text_alerts, sample) if extrapolated else text_alerts
    text_started = time.perf_counter()
    hits = sum(1 for alert in checked if gig_matches(gig, {"q": alert.q}))
    text_seconds = time.perf_counter() - text_started
    if extrapolated:
        text_seconds *= len(text_alerts) / len(checked)
        hits = round(hits * len(text_alerts) / len(checked))
    seconds = (text_started - started) + text_seconds
    return seconds, len(structured_ok) + hits, extrapolated


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--alerts", type=int, default=200_000)
    parser.add_argument("--match-rate", type=float, default=0.05)
    parser.add_argument("--baseline-sample", type=int, default=0, help="0 = evaluate every alert's text")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument(
        "--workers", default="1", help="worker process counts to run, comma-separated (e.g. 1,2,4)"
    )
    args = parser.parse_args()
    worker_counts = [int(n) for n in args.workers.split(",")]
    if connection.vendor != "postgresql" or not settings.CELERY_BROKER_URL:
        raise SystemExit("needs DATABASE_URL=postgres://… and CELERY_BROKER_URL=redis://…")

    cleanup()
    try:
        t = time.perf_counter()
        gig, built_to_match = create_data(args.alerts, args.match_rate, args.seed)
        took = time.perf_counter() - t
        print(f"created {args.alerts} workers + alerts ({built_to_match} built to match) in {took:.1f} s")
        expected = count_matches(gig)
        print(f"matches expected (checked in-process before publishing): {expected}")

        timings: dict[int, float] = {}
        first_gig = gig
        for n_workers in worker_counts:
            run_gig = gig if not timings else gig_under_test(first_gig.employer)
            seconds, matches, rss = measure_fanout(run_gig, expected, args.timeout, n_workers)
            timings[n_workers] = seconds
            print(f"fan-out, {n_workers} worker process(es): {matches} notifications in {seconds:.2f} s "
                  f"({matches / seconds:,.0f} matches/s), worker peak RSS {rss:.0f} MB")  # fmt: skip
        if len(timings) > 1:
            one = timings[min(timings)]
            print("scaling: " + ", ".join(f"{n} workers {one / t:.2f}x" for n, t in timings.items()))
            for n, t in timings.items():
                print(f"RESULT_WORKERS workers={n} seconds={t:.3f} speedup={one / t:.2f}")
        seconds = timings[worker_counts[0]]

        gig = Gig.objects.get(pk=gig.pk)
        baseline, naive_matches, extrapolated = naive_baseline(
            gig, args.baseline_sample, random.Random(args.seed)
        )
        note = f" (text checks extrapolated from {args.baseline_sample} alerts)" if extrapolated else ""
        print(
            f"naive baseline (load all, evaluate in Python): {naive_matches} matches in {baseline:.2f} s"
            + note
        )
        if naive_matches != matches:
            print(f"WARNING: baseline found {naive_matches} matches, fan-out {matches}")
        ratio = baseline / seconds
        print(f"ratio: {ratio:.1f}x")
        print(
            f"RESULT alerts={args.alerts} matches={matches} seconds={seconds:.3f} "
            f"baseline_seconds={baseline:.3f} ratio={ratio:.1f} peak_rss_mb={rss:.0f}"
        )
    finally:
        cleanup()


def count_matches(gig: Gig) -> int:
    """Matching needs a published gig: publish in a rolled-back transaction and count."""
    from django.db import transaction

    class Rollback(Exception):
        pass

    found: list[int] = []
    try:
        with transaction.atomic():
            Gig.objects.filter(pk=gig.pk).update(status="published")
            found.append(len(gig_matching_alerts(gig=Gig.objects.get(pk=gig.pk))))
            raise Rollback
    except Rollback:
        pass
    return found[0]


if __name__ == "__main__":
    main()
