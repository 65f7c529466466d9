"""Read replicas against a real PostgreSQL streaming replica (scripts/replica_cluster.sh: a
throwaway primary and a pg_basebackup standby on ports 55442/55443), through gunicorn:

- public reads (search, gig page, API) are served by the replica — seen by pausing its WAL
  replay: a change made on the primary stays invisible there;
- a request that writes reads its own write (the primary);
- a POST that wrote pins the browser to the primary for a while;
- with the replica stopped, the board keeps serving the same pages from the primary.
"""

import http.cookiejar
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import psycopg
import pytest

from tests.ops.support import ROOT, base_env, free_port, wait_for_port

DB_NAME = "lokercs_replica"
WORD = "zamrud"  # a word no gig uses until the test renames one
GIGS = [
    {
        "employer_name": "Toko Kain Melati",
        "employer_email": "owner@kainmelati.example",
        "title": "Admin Chat Toko Kain",
        "description": "Membalas chat pembeli di WhatsApp dan Shopee, mencatat pesanan, rekap "
        "penjualan harian untuk toko kain kami.",
        "pay_model": "monthly",
        "pay_min": 2000000,
        "work_mode": "remote",
        "hours_per_week": 30,
        "schedule": ["part_time"],
        "channels": ["whatsapp", "shopee"],
        "duties": ["customer_chat", "order_processing"],
    },
    {
        "employer_name": "Dapur Kue Lestari",
        "employer_email": "halo@kuelestari.example",
        "title": "CS Pesanan Kue Harian",
        "description": "Menjawab pertanyaan pelanggan di Instagram, konfirmasi pembayaran, dan "
        "mengatur jadwal pengiriman kue setiap hari.",
        "pay_model": "daily",
        "pay_min": 90000,
        "work_mode": "onsite",
        "city": "Bandung",
        "schedule": ["shift"],
        "channels": ["instagram"],
        "duties": ["customer_chat", "payment_confirmation"],
    },
]


def _cluster(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603
        ["/bin/bash", str(ROOT / "scripts" / "replica_cluster.sh"), *args],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def _wait_replayed(primary: str, standby: str) -> None:
    """Until the standby has replayed everything the primary has written so far."""
    with psycopg.connect(primary) as p:
        target = p.execute("select pg_current_wal_lsn()").fetchone()[0]
    deadline = time.monotonic() + 60
    with psycopg.connect(standby, autocommit=True) as s:
        while time.monotonic() < deadline:
            if s.execute("select pg_last_wal_replay_lsn() >= %s::pg_lsn", [target]).fetchone()[0]:
                return
            time.sleep(0.02)
    pytest.fail("the standby did not catch up with the primary within 60 s")


@pytest.fixture(scope="module")
def board(tmp_path_factory):
    """The cluster, a migrated database with two published gigs, and gunicorn serving it
    with DATABASE_REPLICA_URLS pointing at the standby. Yields (base_url, urls, gig ids)."""
    started = _cluster("start")
    if started.returncode == 3:
        pytest.skip(started.stdout.strip())
    assert started.returncode == 0, started.stderr
    urls = dict(pair.split("=", 1) for pair in started.stdout.split()[1:])
    server, standby_server = urls["REPLICA_PRIMARY_URL"], urls["REPLICA_STANDBY_URL"]
    primary, standby = f"{server}/{DB_NAME}", f"{standby_server}/{DB_NAME}"
    work = tmp_path_factory.mktemp("replica")
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f"drop database if exists {DB_NAME} with (force)")
        admin.execute(f"create database {DB_NAME}")
    env = base_env(DATABASE_URL=primary, MEDIA_ROOT=str(work / "media"), LOG_FORMAT="json")
    gigs_file = work / "gigs.jsonl"
    gigs_file.write_text("\n".join(json.dumps(g) for g in GIGS) + "\n")
    for command in (["migrate", "--noinput", "-v0"], ["import_gigs", str(gigs_file), "--publish"]):
        done = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *command], env=env, cwd=ROOT, capture_output=True, text=True,
            timeout=300,
        )  # fmt: skip
        assert done.returncode == 0, done.stdout + done.stderr
    with psycopg.connect(primary) as conn:
        ids = dict(conn.execute("select title, id from listings_gig where status = 'published'").fetchall())
    assert len(ids) == 2, ids
    _wait_replayed(primary, standby)

    port = free_port()
    env.update(
        DATABASE_REPLICA_URLS=standby,
        DJANGO_SETTINGS_MODULE="tests.ops.replica_settings",
        REPLICA_RETRY_SECONDS="30",
    )
    log = open(work / "gunicorn.log", "w")  # noqa: SIM115
    gunicorn = subprocess.Popen(  # noqa: S603
        [os.path.join(os.path.dirname(sys.executable), "gunicorn"), "jobboard.wsgi", "-w", "1",
         "-b", f"127.0.0.1:{port}"],
        env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        wait_for_port(port, timeout=60)
        yield {
            "base": f"http://127.0.0.1:{port}",
            "primary": primary,
            "standby": standby,
            "ids": ids,
            "log": work,
        }
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)
        log.close()
        _cluster("stop")  # a paused replay does not survive the restart


def _get(board, path: str, opener=None, method: str = "GET") -> tuple[int, str]:
    request = urllib.request.Request(board["base"] + path, method=method)  # noqa: S310 (http on loopback)
    try:
        with (opener or urllib.request.build_opener()).open(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def _search(board, q: str, opener=None) -> str:
    status, body = _get(board, "/lowongan/?" + urllib.parse.urlencode({"q": q}), opener)
    assert status == 200, body[-2000:]
    return body


def _api_count(board, q: str) -> int:
    status, body = _get(board, "/api/v1/gigs/?" + urllib.parse.urlencode({"q": q}))
    assert status == 200, body
    return json.loads(body)["count"]


def test_replica_serves_reads_own_writes_go_to_the_primary_and_a_stopped_replica_falls_back(board):
    primary, standby, ids = board["primary"], board["standby"], board["ids"]
    gig_id = ids["Admin Chat Toko Kain"]
    assert "Admin Chat Toko Kain" in _search(board, "admin chat kain")

    with psycopg.connect(standby, autocommit=True) as s:
        s.execute("select pg_wal_replay_pause()")
    with psycopg.connect(primary, autocommit=True) as p:
        p.execute("update listings_gig set title = %s where id = %s", [f"Admin Chat {WORD.title()}", gig_id])

    # Served by the replica, which has not replayed the rename.
    assert WORD.title() not in _search(board, WORD)
    assert _api_count(board, WORD) == 0
    status, page = _get(board, f"/lowongan/{gig_id}/admin-chat-toko-kain/")
    assert status == 200 and "Admin Chat Toko Kain" in page

    # A request that writes reads its own write, even though the replica is behind.
    probe = f"/ops-test/write-then-read/{ids['CS Pesanan Kue Harian']}/"
    status, body = _get(board, f"{probe}?title=CS+Kue+{WORD}")
    assert status == 200 and json.loads(body)["title"] == f"CS Kue {WORD}"

    # A POST that wrote pins this browser to the primary: its next search sees the change.
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    title = f"CS Pesanan Kue {WORD.title()}"
    status, _ = _get(board, f"{probe}?title={urllib.parse.quote(title)}", browser, method="POST")
    assert status == 200 and "db_primary" in {cookie.name for cookie in jar}
    assert f"Admin Chat {WORD.title()}" in _search(board, WORD, browser)
    assert f"Admin Chat {WORD.title()}" not in _search(board, WORD)  # other visitors: the replica

    # The replica goes away: the same pages keep working, from the primary.
    with psycopg.connect(standby, autocommit=True) as s:
        s.execute("select pg_wal_replay_resume()")
    stopped = _cluster("stop-standby")
    assert stopped.returncode == 0, stopped.stderr
    # (Another spelling of the search: the rename went around the services, so the anonymous
    # page cache was never told, and still holds the replica's answer for the old URL.)
    assert f"Admin Chat {WORD.title()}" in _search(board, WORD.upper())
    assert _api_count(board, WORD.upper()) == 2
    status, page = _get(board, f"/lowongan/{gig_id}/admin-chat-toko-kain/")
    assert status in (200, 301) and status != 500
    log = (board["log"] / "gunicorn.log").read_text()
    assert "unreachable; reading from the primary" in log
