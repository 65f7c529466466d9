"""`make backup` / `make restore`: back up a database and the media folder, drop the
database, restore, and find the same gigs, applications and notifications (and files)."""

import os
import shutil
import subprocess

import psycopg
import pytest
from django.db import connection, connections

from listings.models import Application, Gig, Notification
from tests import factories
from tests.ops.support import ROOT

pytestmark = pytest.mark.django_db(transaction=True)
BASH = shutil.which("bash") or "/bin/bash"


def _server_url() -> str:
    db = connection.settings_dict
    return f"postgresql://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"


def _rows(url: str) -> dict:
    with psycopg.connect(url) as conn:
        return {
            table: conn.execute(f"select {columns} from {table} order by id").fetchall()
            for table, columns in {
                Gig._meta.db_table: "id, title, status, pay_min, employer_id",
                Application._meta.db_table: "id, gig_id, worker_id, status",
                Notification._meta.db_table: "id, gig_id, worker_id, status",
            }.items()
        }


def _run(script: str, env: dict, *args: str) -> str:
    done = subprocess.run(  # noqa: S603
        [BASH, str(ROOT / "scripts" / script), *args], env=env, cwd=ROOT, capture_output=True, text=True,
        timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_backup_drop_restore_keeps_gigs_applications_notifications_and_media(tmp_path, settings):
    if connection.vendor != "postgresql":
        pytest.skip("backups use pg_dump / pg_restore: needs PostgreSQL (make test provides it)")
    if not (shutil.which("pg_dump") and shutil.which("pg_restore") and shutil.which("psql")):
        pytest.skip("pg_dump, pg_restore or psql not installed (apt-get install postgresql-client)")
    gigs = factories.PublishedGigFactory.create_batch(3)
    factories.ApplicationFactory(gig=gigs[0])
    factories.ApplicationFactory(gig=gigs[1])
    worker = factories.WorkerFactory()
    Notification.objects.create(worker=worker, gig=gigs[2], frequency="instant")
    media = tmp_path / "media"
    (media / "logos" / "2026" / "12").mkdir(parents=True)
    (media / "logos" / "2026" / "12" / "toko.png").write_bytes(b"\x89PNG logo bytes")

    # A scratch copy of the test database is what gets backed up, dropped and restored.
    scratch = f"{connection.settings_dict['NAME']}_backup"
    server = _server_url()
    connections.close_all()
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'drop database if exists "{scratch}" with (force)')
        admin.execute(f'create database "{scratch}" template "{connection.settings_dict["NAME"]}"')
    before = _rows(f"{server}/{scratch}")
    assert all(before.values()), before
    env = {
        "PATH": os.environ["PATH"],
        "DATABASE_URL": f"{server}/{scratch}",
        "MEDIA_ROOT": str(media),
        "BACKUP_DIR": str(tmp_path / "backups"),
    }
    try:
        backup = _run("backup.sh", env).strip().splitlines()[-1]
        assert "tables" in (tmp_path / "backups").joinpath(backup.rsplit("/", 1)[-1], "MANIFEST").read_text()

        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f'drop database "{scratch}" with (force)')
        shutil.rmtree(media)

        _run("restore.sh", env, backup)
        assert _rows(f"{server}/{scratch}") == before
        assert (media / "logos" / "2026" / "12" / "toko.png").read_bytes() == b"\x89PNG logo bytes"

        # Restoring over a live database replaces its rows; current media files are kept aside.
        (media / "new.pdf").write_bytes(b"%PDF new")
        _run("restore.sh", env, backup)
        assert _rows(f"{server}/{scratch}") == before
        assert not (media / "new.pdf").exists()
        assert [p.name for p in tmp_path.glob("media.before-restore-*/new.pdf")] == ["new.pdf"]
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f'drop database if exists "{scratch}" with (force)')


def test_restore_refuses_without_a_backup_folder(tmp_path):
    done = subprocess.run(  # noqa: S603
        [BASH, str(ROOT / "scripts" / "restore.sh")], cwd=ROOT, capture_output=True, text=True,
        env={"PATH": os.environ["PATH"], "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/x"},
    )  # fmt: skip
    assert done.returncode == 2 and "usage: make restore BACKUP=" in done.stderr
