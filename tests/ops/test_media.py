"""Uploads go through Django's storage API: an S3-compatible bucket when MEDIA_S3_* is set
(here moto's S3 server on loopback, speaking the real S3 protocol), local files otherwise."""

import io
import urllib.request

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from moto.server import ThreadedMotoServer
from PIL import Image

from accounts import services as account_services
from jobboard.ops.media import s3_media_storage
from tests import factories
from tests.ops.support import base_env, free_port, run_django

pytestmark = pytest.mark.django_db

BUCKET = "lokercs-media-test"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "orange").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def s3_bucket(settings):
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=free_port(), verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    # moto keeps its buckets per interpreter, not per server: start each test empty.
    urllib.request.urlopen(urllib.request.Request(f"{endpoint}/moto-api/reset", method="POST"))  # noqa: S310
    credentials = {"aws_access_key_id": "ops-test", "aws_secret_access_key": "ops-test-secret"}
    client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", **credentials)
    client.create_bucket(Bucket=BUCKET)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": s3_media_storage(
            bucket=BUCKET,
            endpoint_url=endpoint,
            region="us-east-1",
            access_key=credentials["aws_access_key_id"],
            secret_key=credentials["aws_secret_access_key"],
            prefix="media",
        ),
    }
    try:
        yield client
    finally:
        server.stop()


def _keys(client) -> list[str]:
    return sorted(item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []))


def test_a_logo_is_stored_in_the_bucket_and_served_by_the_app(s3_bucket, client, settings, tmp_path):
    profile = factories.EmployerFactory().employer_profile
    profile.logo = SimpleUploadedFile("toko.png", _png(), content_type="image/png")
    profile.save()
    (key,) = _keys(s3_bucket)
    assert key.startswith("media/logos/") and key.endswith(".png")
    assert not list(tmp_path.rglob("*.png"))  # nothing on local disk (MEDIA_ROOT is under tmp_path)
    response = client.get(reverse("accounts:employer_logo", args=[profile.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == _png()
    acl = s3_bucket.get_object_acl(Bucket=BUCKET, Key=key)
    assert not [g for g in acl["Grants"] if g["Grantee"].get("URI", "").endswith("AllUsers")]


def test_a_replaced_portfolio_pdf_is_deleted_from_the_bucket(
    s3_bucket, client_for, django_capture_on_commit_callbacks
):
    application = factories.ApplicationFactory()
    profile = application.worker.worker_profile
    profile.portfolio_pdf = SimpleUploadedFile("cv.pdf", PDF, content_type="application/pdf")
    profile.save()
    (first,) = _keys(s3_bucket)
    profile.portfolio_pdf = SimpleUploadedFile("cv-baru.pdf", PDF + b"%v2\n", content_type="application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        account_services.worker_profile_save(profile=profile)
    keys = _keys(s3_bucket)
    assert first not in keys and len(keys) == 1
    response = client_for(application.gig.employer).get(
        reverse("listings:application_portfolio", args=[application.pk])
    )
    assert b"".join(response.streaming_content) == PDF + b"%v2\n"


def test_readiness_checks_the_bucket(s3_bucket, client):
    response = client.get(reverse("readyz"), HTTP_ACCEPT="application/json")
    assert response.json()["Storage(alias='default')"] == "OK"
    assert response.status_code == 200


def test_media_s3_variables_select_the_s3_backend_and_local_files_otherwise(tmp_path):
    code = (
        "from django.conf import settings\n"
        "print(json.dumps({'storage': settings.STORAGES['default']['BACKEND'],"
        " 'options': settings.STORAGES['default'].get('OPTIONS', {})}))"
    )
    db = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    local = run_django(code, base_env(DATABASE_URL=db))
    assert local["storage"] == "django.core.files.storage.FileSystemStorage"
    s3 = run_django(
        code,
        base_env(
            DATABASE_URL=db,
            MEDIA_S3_BUCKET="board-media",
            MEDIA_S3_ENDPOINT_URL="https://s3.example.test",
            MEDIA_S3_REGION="ap-southeast-3",
            MEDIA_S3_ACCESS_KEY_ID="AKIDEXAMPLE",
            MEDIA_S3_SECRET_ACCESS_KEY="secret",
        ),
    )
    assert s3["storage"] == "storages.backends.s3.S3Storage"
    assert s3["options"]["bucket_name"] == "board-media"
    assert s3["options"]["endpoint_url"] == "https://s3.example.test"
    assert s3["options"]["region_name"] == "ap-southeast-3"
    assert s3["options"]["default_acl"] is None and s3["options"]["file_overwrite"] is False
