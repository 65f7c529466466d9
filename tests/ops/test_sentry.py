"""Errors reach Sentry (here a local server speaking its envelope protocol) without e-mail
addresses, WhatsApp numbers, KTP numbers or uploaded documents."""

import gzip
import http.server
import threading
import zlib

import pytest
import sentry_sdk
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from jobboard.ops.sentry import scrub_text, sentry_init
from tests.ops.support import base_env, run_django

pytestmark = pytest.mark.django_db

EMAIL = "siti.rahma@contoh.id"
WHATSAPP = "0812-3456-7890"
WHATSAPP_INTL = "+62 813 9876 5432"
NIK = "3174012345678901"
KTP_SCAN = b"\xff\xd8\xff\xe0KTP-SCAN-BYTES-" + b"x" * 64


class _Ingestion(http.server.BaseHTTPRequestHandler):
    """Accepts POST /api/<project>/envelope/ like Sentry's relay and keeps the bodies."""

    envelopes: list[bytes] = []

    def do_POST(self):  # noqa: N802
        body = self.rfile.read(int(self.headers["Content-Length"]))
        encoding = self.headers.get("Content-Encoding", "")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "deflate":
            body = zlib.decompress(body)
        if self.path.endswith("/envelope/"):
            type(self).envelopes.append(body)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def ingestion():
    _Ingestion.envelopes = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Ingestion)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    dsn = f"http://publickey@127.0.0.1:{server.server_address[1]}/42"
    sentry_init(dsn=dsn, environment="test")
    try:
        yield _Ingestion.envelopes
    finally:
        sentry_sdk.get_client().close(timeout=5)
        sentry_sdk.init()  # no DSN: off again for the rest of the session
        server.shutdown()
        server.server_close()


def test_an_error_report_arrives_without_personal_data(ingestion, settings):
    settings.ROOT_URLCONF = "tests.ops.crash_urls"
    client = Client(raise_request_exception=False)
    response = client.post(
        f"/ops-test/crash/?wa={WHATSAPP_INTL.replace(' ', '')}",
        {
            "email": EMAIL,
            "whatsapp": WHATSAPP,
            "nik": NIK,
            "ktp": SimpleUploadedFile("ktp.jpg", KTP_SCAN, content_type="image/jpeg"),
        },
        HTTP_X_REQUEST_ID="req-sentry-1",
    )
    assert response.status_code == 500
    sentry_sdk.flush(timeout=10)

    sent = b"\n".join(ingestion).decode("utf-8", "replace")
    assert '"type":"event"' in sent.replace(" ", "") and "RuntimeError" in sent
    assert "req-sentry-1" in sent  # the request id tag links the report to the log lines
    assert "[Filtered]" in sent
    for secret in (EMAIL, WHATSAPP, "81234567890", "8139876543", NIK, "KTP-SCAN-BYTES", "siti.rahma"):
        assert secret not in sent, secret


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("hubungi 081234567890 ya", "081234567890"),
        ("https://wa.me/6281234567890?text=halo", "6281234567890"),
        ("WA +62 812-3456-7890", "812-3456-7890"),
        ("0812.3456.789 (admin)", "0812.3456.789"),
        ("email: Admin.Toko+cs@olshop-berkah.co.id", "olshop-berkah"),
        ("NIK 3174 0123 4567 8901", "3174 0123 4567 8901"),
        ("nik:3174012345678901", "3174012345678901"),
    ],
)
def test_scrubbing_masks_numbers_and_addresses_as_people_write_them(text, secret):
    masked = scrub_text(text)
    assert secret not in masked and "[Filtered]" in masked


def test_scrubbing_keeps_ordinary_numbers():
    text = "Gaji Rp 2.500.000 per bulan, 40 jam/minggu, gig #12345, 2026-12-01 07:00"
    assert scrub_text(text) == text


def test_sentry_is_off_without_a_dsn_and_on_with_one(tmp_path):
    code = "import sentry_sdk\nprint(json.dumps({'active': sentry_sdk.get_client().is_active()}))"
    db = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    assert run_django(code, base_env(DATABASE_URL=db))["active"] is False
    on = run_django(code, base_env(DATABASE_URL=db, SENTRY_DSN="http://key@127.0.0.1:9/1"))
    assert on["active"] is True
