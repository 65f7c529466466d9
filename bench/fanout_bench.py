"""Fan-out benchmark: publish one gig against N alerts, with real Celery worker processes.

Usage (PostgreSQL + Redis; runs in its OWN database, created and migrated when missing):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/anything \\
    CELERY_BROKER_URL=redis://127.0.0.1:6379/3 \\
    .venv/bin/python bench/fanout_bench.py --alerts 1000000 --workers 2 [--match-rate 0.05]
        [--runs 2] [--ranges K] [--baseline-sample 20000] [--database lokercs_fanout_bench]

Only the server of DATABASE_URL is used: the benchmark connects to `--database` (its name
must contain "bench") and empties it with TRUNCATE before and after (`--keep` leaves the
data for EXPLAIN sessions). What it does:
1. generates N workers with one alert each, set-based (generate_series; ~20-40 s for 1M):
   a pool of distinct alert specs is drawn in Python (a realistic mix: about half with query
   text from ~150 phrases, the rest filters only; channels, pay model, work mode, city,
   minimum pay, duties, schedule, 70 % instant / 30 % daily), `match-rate` of them built to
   match the gig and the rest each carrying one criterion that rules it out; alert i gets
   spec (i * a prime) mod pool size, so matches are spread over the whole worker-id range;
2. starts `--workers` Celery worker processes (`-P solo`: one process each, queues
   `fanout,default` as compose's fan-out workers; the emails have their own queue and
   workers and are not part of this measurement), publishes the gig through
   `services.gig_publish_automatically` and measures the wall clock from just before that
   call until every range of the fan-out is done (its rows committed; the ledger is polled
   every 20 ms), then counts the rows; prints the
   phases from the ledger (published_at -> coordinator done -> last range done) and each
   worker's peak RSS (VmHWM from /proc). `--runs R` repeats this with a fresh identical gig;
3. checks the rows: exactly one per matching alert, none for an alert built not to match;
4. runs the naive baseline — what the board would do without set-based work: load alerts
   one by one as model instances, evaluate each in Python, confirm its text with
   `listings.search.gig_matches` (one search per alert) and create its notification with
   one INSERT each — on `--baseline-sample` alerts spread over the table (inside a rolled-back
   transaction), extrapolated linearly to N (the output says so); `--baseline-sample 0`
   runs it on every alert. The baseline's matches on the sample are compared with the rows
   the fan-out created for the same workers.
Last line, machine-readable:
RESULT alerts=N matches=M seconds=S baseline_seconds=B ratio=R peak_rss_mb=X
(seconds = best wall-clock run; peak_rss_mb = the largest worker VmHWM over all runs).
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
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg.types.json import Jsonb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _bench_database_url(argv: list[str]) -> str:
    """DATABASE_URL's server with the bench database's name (read before Django starts)."""
    name = "lokercs_fanout_bench"
    for i, arg in enumerate(argv):
        if arg == "--database" and i + 1 < len(argv):
            name = argv[i + 1]
        elif arg.startswith("--database="):
            name = arg.split("=", 1)[1]
    if "bench" not in name:
        raise SystemExit(
            "--database must name a bench-only database (its name contains 'bench'): it is truncated"
        )
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        raise SystemExit(
            "needs DATABASE_URL=postgres://… (its server is used) and CELERY_BROKER_URL=redis://…"
        )
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


BENCH_DATABASE_URL = _bench_database_url(sys.argv[1:])
os.environ["DATABASE_URL"] = BENCH_DATABASE_URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jobboard.settings")
os.environ.setdefault("DEBUG", "1")


def _ensure_database(url: str) -> None:
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is None:
            conn.execute(f'CREATE DATABASE "{name}"')
            print(f"created database {name}")


_ensure_database(BENCH_DATABASE_URL)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from accounts.models import User  # noqa: E402
from jobboard.celery import app  # noqa: E402
from listings.alerts.matching import city_key, gig_city_keys, text_keys_matching  # noqa: E402
from listings.gigs import services  # noqa: E402
from listings.models import Alert, Gig, GigFanOut, GigFanOutRange, Notification  # noqa: E402
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
SPEC_POOL = 5000
SPREAD_PRIME = 7919  # alert i gets spec (i * SPREAD_PRIME) % pool: coprime with the pool size
# Every table the benchmark writes, emptied (with what references them) before and after.
TRUNCATE = (
    "TRUNCATE accounts_user, listings_gig, listings_alert, listings_notification, "
    "listings_outboxmessage RESTART IDENTITY CASCADE",
)


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


def truncate() -> None:
    with connection.cursor() as cursor:
        for statement in TRUNCATE:
            cursor.execute(statement)


def phrase_pool(rng: random.Random) -> list[str]:
    pool = sorted({word + suffix for word in PHRASE_WORDS for suffix in PHRASE_SUFFIXES})
    rng.shuffle(pool)
    return pool[:150]


def texts_for(gig: Gig, rng: random.Random) -> tuple[list[str], list[str]]:
    """(phrases a search finds the gig with, phrases it does not) — asked of the search module."""
    pool = {normalize_query(p) for p in phrase_pool(rng)}
    Gig.objects.filter(pk=gig.pk).update(status="published")  # text matching needs it published
    matching = sorted(text_keys_matching(gig=gig, keys=pool))
    Gig.objects.filter(pk=gig.pk).update(status="pending")
    return matching, sorted(pool - set(matching))


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


SPEC_COLUMNS = (
    "idx", "compatible", "q", "q_key", "pay_model", "work_mode", "city", "city_key", "min_pay",
    "min_pay_unit", "channels", "duties", "schedule", "frequency",
)  # fmt: skip


def spec_rows(pool_size: int, match_rate: float, gig: Gig, rng: random.Random) -> list[tuple]:
    """`pool_size` alert specs; round(pool_size * match_rate) of them built to match `gig`."""
    matching_texts, other_texts = texts_for(gig, rng)
    n_match = round(pool_size * match_rate)
    rows = []
    for idx in range(pool_size):
        compatible = idx < n_match
        f = random_criteria(
            rng, gig, compatible=compatible, matching_texts=matching_texts, other_texts=other_texts
        )
        rows.append(
            (idx, compatible, f["q"], normalize_query(f["q"]), f["pay_model"], f["work_mode"], f["city"],
             city_key(f["city"]), f["min_pay"], f["pay_model"], Jsonb(f["channels"]), Jsonb(f["duties"]),
             Jsonb(f["schedule"]), "instant" if rng.random() < 0.7 else "daily")
        )  # fmt: skip
    return rows


# Indexes not backing a constraint, and foreign keys: dropped for the bulk load and rebuilt
# after it (one sort per index, one anti-join per key) — their exact definitions come back.
DETACHABLE = """
SELECT 'DROP INDEX ' || quote_ident(i.relname), pg_get_indexdef(i.oid)
FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
WHERE x.indrelid = %(table)s::regclass
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)
UNION ALL
SELECT 'ALTER TABLE ' || %(table)s || ' DROP CONSTRAINT ' || quote_ident(c.conname),
       'ALTER TABLE ' || %(table)s || ' ADD CONSTRAINT ' || quote_ident(c.conname) || ' '
       || pg_get_constraintdef(c.oid)
FROM pg_constraint c WHERE c.conrelid = %(table)s::regclass AND c.contype = 'f'
"""


class Timer:
    def __init__(self):
        self.steps: list[str] = []
        self.last = time.perf_counter()

    def __call__(self, label: str) -> None:
        now = time.perf_counter()
        self.steps.append(f"{label} {now - self.last:.1f} s")
        self.last = now


def create_data(n: int, match_rate: float, seed: int) -> tuple[Gig, int, str]:
    """The employer, the gig (pending) and n workers with one alert each.

    Returns (gig, alerts built to match, time per step)."""
    rng = random.Random(seed)
    timer = Timer()
    employer = User.objects.create_user(email=f"owner@{DOMAIN}", role=User.Role.EMPLOYER)
    gig = gig_under_test(employer)
    pool = min(n, SPEC_POOL)
    if pool % SPREAD_PRIME == 0:
        raise SystemExit(f"pool size {pool} must be coprime with {SPREAD_PRIME}")
    specs = spec_rows(pool, match_rate, gig, rng)
    n_match = sum(1 for row in specs if row[1])
    timer("specs")
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMP TABLE bench_spec (idx int PRIMARY KEY, compatible bool, q text, q_key text, "
            "pay_model text, work_mode text, city text, city_key text, min_pay int, min_pay_unit text, "
            "channels jsonb, duties jsonb, schedule jsonb, frequency text)"
        )
        with cursor.cursor.copy(f"COPY bench_spec ({', '.join(SPEC_COLUMNS)}) FROM STDIN") as copy:
            for row in specs:
                copy.write_row(row)
        restore = []
        for table in ("listings_alert", "accounts_user"):
            cursor.execute(DETACHABLE, {"table": table})
            for drop, create in cursor.fetchall():
                cursor.execute(drop)
                restore.append(create)
        timer("detach indexes")
        first_worker = employer.pk + 1
        cursor.execute(
            "INSERT INTO accounts_user (id, password, is_superuser, first_name, last_name, is_staff, "
            "is_active, date_joined, email, role, ban_reason) "
            "SELECT %(first)s + i, '!', false, '', '', false, true, now(), 'w' || i || '@' || %(domain)s, "
            "'worker', '' FROM generate_series(0, %(n)s - 1) AS i",
            {"first": first_worker, "n": n, "domain": DOMAIN},
        )
        cursor.execute("SELECT setval(pg_get_serial_sequence('accounts_user', 'id'), %s)", [first_worker + n])
        timer("users")
        # Alert i gets spec (i * SPREAD_PRIME) % pool; its name tells the check whether it was
        # built to match ("match …") or not ("other …").
        cursor.execute(
            "INSERT INTO listings_alert (worker_id, kind, name, q, q_key, pay_model, work_mode, city, "
            "city_key, remote_ok, min_pay, min_pay_unit, channels, duties, schedule, frequency, paused, "
            "created_at, updated_at) "
            "SELECT %(first)s + i, 'search', "
            "CASE WHEN s.compatible THEN 'match ' ELSE 'other ' END || s.idx, "
            "s.q, s.q_key, s.pay_model, s.work_mode, s.city, s.city_key, false, s.min_pay, s.min_pay_unit, "
            "s.channels, s.duties, s.schedule, s.frequency, false, now(), now() "
            "FROM generate_series(0, %(n)s - 1) AS i "
            "JOIN bench_spec s ON s.idx = (i::bigint * %(prime)s) %% %(pool)s",
            {"first": first_worker, "n": n, "prime": SPREAD_PRIME, "pool": pool},
        )
        timer("alerts")
        for create in restore:
            cursor.execute(create)
        timer("rebuild indexes and keys")
        cursor.execute(
            "SELECT count(*) FROM generate_series(0, %(n)s - 1) AS i "
            "WHERE (i::bigint * %(prime)s) %% %(pool)s < %(n_match)s",
            {"n": n, "prime": SPREAD_PRIME, "pool": pool, "n_match": n_match},
        )
        expected = cursor.fetchone()[0]
        cursor.execute("DROP TABLE bench_spec")
        for table in ("accounts_user", "listings_alert"):
            cursor.execute(f"VACUUM ANALYZE {table}")
        timer("vacuum analyze")
    return gig, expected, ", ".join(timer.steps)


def start_worker(log: Path, index: int, ranges: int | None) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "jobboard.settings",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    }
    if ranges:
        env["ALERT_FANOUT_RANGES"] = str(ranges)
    return subprocess.Popen(  # one worker process: the solo pool runs tasks in the main process
        [sys.executable, "-m", "celery", "-A", "jobboard", "worker", "-P", "solo", "-n", f"bench{index}@%h",
         "-Q", "fanout,default", "--without-gossip", "--without-mingle", "--without-heartbeat"],
        env=env, cwd=ROOT, start_new_session=True, stdout=log.open("a"), stderr=subprocess.STDOUT,
    )  # fmt: skip


def wait_ready(workers: list[subprocess.Popen], timeout: float = 60) -> None:
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


def measure_fanout(gig: Gig, expected: int, timeout: float, n_workers: int, ranges: int | None):
    """(wall seconds, rows, [peak RSS MB per worker], phases from the ledger)."""
    app.control.purge()
    log = ROOT / ".data" / "fanout_bench_worker.log"
    log.parent.mkdir(exist_ok=True)
    workers = [start_worker(log, i, ranges) for i in range(n_workers)]
    try:
        wait_ready(workers)
        rows = Notification.objects.filter(gig=gig)
        started = time.perf_counter()
        services.gig_publish_automatically(gig=gig, reason="benchmark")  # on_commit -> match_gig
        # A range is marked done in the transaction that inserted its rows: poll the few ledger
        # rows (counting 50,000 fresh rows every 20 ms would load the box it measures).
        ranges = GigFanOutRange.objects.filter(fan_out__gig=gig)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if ranges.exists() and not ranges.filter(done_at__isnull=True).exists():
                break
            time.sleep(0.02)
        wall = time.perf_counter() - started
        count = rows.count()
        rss = [peak_rss_mb(worker.pid) for worker in workers]
    finally:
        for worker in workers:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait()
        app.control.purge()
    gig.refresh_from_db()
    if count < expected:
        raise SystemExit(f"fan-out incomplete: {count}/{expected} rows after {timeout}s (see {log})")
    fan_out = GigFanOut.objects.get(gig=gig)
    ranges = list(fan_out.ranges.values_list("done_at", flat=True))
    coordinator = (fan_out.matched_at - gig.published_at).total_seconds()
    last_range = (max(ranges) - fan_out.matched_at).total_seconds()
    phases = f"coordinator done {coordinator:.2f} s after published_at, {len(ranges)} ranges "
    phases += f"done {last_range:.2f} s later"
    return wall, count, rss, phases


def check_rows(gig: Gig, expected: int) -> None:
    """One row per alert built to match, none for an alert built not to."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*), count(*) FILTER (WHERE a.name NOT LIKE 'match %%'), "
            "count(DISTINCT n.worker_id) "
            "FROM listings_notification n JOIN listings_alert a ON a.id = n.alert_id WHERE n.gig_id = %s",
            [gig.pk],
        )
        rows, wrong, workers = cursor.fetchone()
    if (rows, wrong, workers) != (expected, 0, expected):
        raise SystemExit(f"rows wrong: {rows} rows, {wrong} for non-matching alerts, {workers} workers")


class Rollback(Exception):
    pass


def naive_structured_ok(alert: Alert, gig: Gig, gig_keys: set[str], pay_month: int) -> bool:
    if not alert.worker.is_active or alert.worker.banned_at or alert.worker_id == gig.employer_id:
        return False
    if alert.pay_model and alert.pay_model != gig.pay_model:
        return False
    if alert.work_mode and alert.work_mode != gig.work_mode:
        return False
    if alert.city and city_key(alert.city) not in gig_keys:
        return False
    if alert.min_pay is not None:
        if alert.min_pay_unit == "" and alert.min_pay > pay_month:
            return False
        if alert.min_pay_unit == gig.pay_model and alert.min_pay > gig.pay_min:
            return False
    return not any(
        getattr(alert, f) and not set(getattr(alert, f)) & set(getattr(gig, f))
        for f in ("channels", "duties", "schedule")
    )


def naive_baseline(gig: Gig, sample: int, rng: random.Random) -> tuple[float, int, set[int], set[int]]:
    """The one-row-at-a-time loop over `sample` random alerts (every alert when 0), inside a
    rolled-back transaction. Returns (seconds, alerts evaluated, their workers, the matched)."""
    ids = Alert.objects.order_by("pk").values_list("pk", flat=True)
    first, last = ids.first(), ids.last()
    span = range(first, last + 1)
    chosen = sorted(rng.sample(span, sample)) if sample and sample < len(span) else list(span)
    matched: set[int] = set()
    workers: set[int] = set()
    pay_month = gig.pay_estimate_month or 0
    gig_keys = set(gig_city_keys(gig))
    try:
        with transaction.atomic():
            twin = gig_under_test(gig.employer)  # notifications for a twin gig, rolled back
            Gig.objects.filter(pk=twin.pk).update(status="published", published_at=gig.published_at)
            twin = Gig.objects.get(pk=twin.pk)
            started = time.perf_counter()
            for start in range(0, len(chosen), 2000):
                batch = Alert.objects.filter(pk__in=chosen[start : start + 2000], paused=False)
                for alert in batch.select_related("worker").order_by("pk"):
                    workers.add(alert.worker_id)
                    if not naive_structured_ok(alert, twin, gig_keys, pay_month):
                        continue
                    if alert.q and not gig_matches(twin, {"q": alert.q}):
                        continue
                    Notification.objects.get_or_create(
                        worker_id=alert.worker_id,
                        gig=twin,
                        defaults={"alert": alert, "frequency": alert.frequency},
                    )
                    matched.add(alert.worker_id)
            seconds = time.perf_counter() - started
            raise Rollback
    except Rollback:
        pass
    return seconds, len(workers), workers, matched


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--alerts", type=int, default=200_000)
    parser.add_argument("--match-rate", type=float, default=0.05)
    parser.add_argument("--workers", type=int, default=2, help="Celery worker processes (-P solo each)")
    parser.add_argument("--runs", type=int, default=1, help="measured publishes (a fresh identical gig each)")
    parser.add_argument("--ranges", type=int, default=None, help="ALERT_FANOUT_RANGES for the workers")
    parser.add_argument(
        "--baseline-sample", type=int, default=20_000, help="0 = run the baseline on every alert"
    )
    parser.add_argument("--database", default="lokercs_fanout_bench", help="bench-only database (truncated)")
    parser.add_argument("--keep", action="store_true", help="leave the data in place at the end")
    parser.add_argument(
        "--reuse", action="store_true", help="measure on the data a --keep run left (same --alerts)"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()
    if connection.vendor != "postgresql" or not settings.CELERY_BROKER_URL:
        raise SystemExit("needs DATABASE_URL=postgres://… and CELERY_BROKER_URL=redis://…")
    print(f"database {connection.settings_dict['NAME']}; uptime: {os.popen('uptime').read().strip()}")
    call_command("migrate", verbosity=0)
    reused = args.reuse and Alert.objects.count() == args.alerts
    if not reused:
        t = time.perf_counter()
        truncate()
        print(f"truncated bench tables in {time.perf_counter() - t:.2f} s")
    try:
        t = time.perf_counter()
        if reused:
            gig = gig_under_test(User.objects.get(email=f"owner@{DOMAIN}"))
            expected = Alert.objects.filter(name__startswith="match ").count()
            print(f"reusing {args.alerts:,} workers + alerts ({expected:,} built to match)")
        else:
            gig, expected, steps = create_data(args.alerts, args.match_rate, args.seed)
            took = time.perf_counter() - t
            print(
                f"created {args.alerts:,} workers + alerts ({expected:,} built to match) in {took:.1f} s "
                f"({steps})"
            )

        walls, rss_all = [], []
        first_gig = gig
        for run in range(args.runs):
            run_gig = gig if run == 0 else gig_under_test(first_gig.employer)
            wall, rows, rss, phases = measure_fanout(
                run_gig, expected, args.timeout, args.workers, args.ranges
            )
            check_rows(run_gig, expected)
            walls.append(wall)
            rss_all += rss
            print(
                f"run {run + 1}: {rows:,} notifications, all visible {wall:.2f} s after publish "
                f"({phases}), {args.workers} worker process(es), "
                f"peak RSS per worker {', '.join(f'{r:.0f}' for r in rss)} MB; "
                f"uptime: {os.popen('uptime').read().strip()}"
            )
        seconds = min(walls)

        gig = Gig.objects.get(pk=first_gig.pk)
        sample_seconds, evaluated, sample_workers, naive_matched = naive_baseline(
            gig, args.baseline_sample, random.Random(args.seed)
        )
        scale = args.alerts / evaluated
        baseline = sample_seconds * scale
        fanned = set(
            Notification.objects.filter(gig=gig, worker_id__in=list(sample_workers)).values_list(
                "worker_id", flat=True
            )
        )
        note = (
            f" (measured: {sample_seconds:.1f} s for {evaluated:,} random alerts; extrapolated x{scale:.0f})"
            if scale > 1
            else ""
        )
        print(
            f"naive baseline (one row at a time in Python): ~{round(len(naive_matched) * scale):,} matches "
            f"in {baseline:.1f} s{note}"
        )
        print(
            f"baseline and fan-out agree on the sample: {fanned == naive_matched} "
            f"({len(naive_matched):,} matching workers vs {len(fanned):,} notified)"
        )
        ratio = baseline / seconds
        print(f"ratio: {ratio:.1f}x (best fan-out run {seconds:.2f} s)")
        print(
            f"RESULT alerts={args.alerts} matches={expected} seconds={seconds:.3f} "
            f"baseline_seconds={baseline:.3f} ratio={ratio:.1f} peak_rss_mb={max(rss_all):.0f}"
        )
    finally:
        if not args.keep:
            t = time.perf_counter()
            truncate()
            print(f"cleanup (TRUNCATE) in {time.perf_counter() - t:.2f} s")


if __name__ == "__main__":
    main()
