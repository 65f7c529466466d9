"""Uploads: only real raster images become logos; nothing a browser would run as a page."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

PROFILE = {"business_name": "Toko Aman", "category": "fashion", "city": "Bandung"}
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


def _png() -> bytes:
    return _image("PNG")


def _image(fmt: str, size=(8, 8), mode="RGB", **params) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, "green").save(buffer, fmt, **params)
    return buffer.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("logo.svg", SVG, "image/svg+xml"),
        ("logo.png", SVG, "image/png"),
        ("logo.png", HTML, "image/png"),
        ("logo.html", HTML, "text/html"),
        ("logo.html", _png(), "text/html"),
        ("logo.pdf", b"%PDF-1.4\n%%EOF", "application/pdf"),
    ],
)
def test_logo_rejects_anything_but_a_real_image_with_an_image_name(
    client_for, employer, name, content, content_type
):
    """SVG (can carry script), HTML under any name, images under a non-image name: all refused
    with an Indonesian error, and nothing is stored."""
    response = client_for(employer).post(
        reverse("accounts:employer_profile"),
        {**PROFILE, "logo": SimpleUploadedFile(name, content, content_type)},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "logo" in errors
    employer.employer_profile.refresh_from_db()
    assert not employer.employer_profile.logo


@pytest.mark.django_db
def test_a_real_png_is_stored_under_a_safe_name_inside_the_logo_folder(client_for, employer):
    """A PNG is accepted; a path-traversal filename ends up as a plain name under logos/."""
    upload = SimpleUploadedFile("../../../etc/passwd.png", _png(), "image/png")
    response = client_for(employer).post(reverse("accounts:employer_profile"), {**PROFILE, "logo": upload})
    assert response.status_code == 302
    employer.employer_profile.refresh_from_db()
    stored = employer.employer_profile.logo.name
    assert stored.startswith("logos/") and stored.endswith(".webp") and ".." not in stored


@pytest.mark.django_db
def test_oversized_logo_is_refused(client_for, employer):
    """Logos over 2 MB are refused with a clear message."""
    big = _png() + b"\0" * (2 * 1024 * 1024 + 1)
    response = client_for(employer).post(
        reverse("accounts:employer_profile"),
        {**PROFILE, "logo": SimpleUploadedFile("logo.png", big, "image/png")},
    )
    assert "Ukuran gambar maksimal 2 MB." in response.context["form"].errors["logo"]


@pytest.mark.django_db
def test_uploaded_files_are_not_served_by_django_in_production(client):
    """With DEBUG off, /media/ is not a Django route (the web server serves it, as images)."""
    assert client.get("/media/logos/2026/01/x.png").status_code == 404


def _post_logo(client_for, employer, name, content, content_type="image/png"):
    return client_for(employer).post(
        reverse("accounts:employer_profile"),
        {**PROFILE, "logo": SimpleUploadedFile(name, content, content_type)},
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fmt", "name"), [("BMP", "logo.bmp"), ("ICO", "logo.ico"), ("TIFF", "logo.tiff"), ("BMP", "logo.png")]
)
def test_bmp_ico_and_tiff_logos_are_refused_whatever_their_name(client_for, employer, fmt, name):
    """Formats browsers handle badly or that carry odd payloads are refused, in Indonesian."""
    response = _post_logo(client_for, employer, name, _image(fmt))
    assert response.status_code == 200
    assert "Logo harus berupa PNG, JPG, WebP atau GIF" in " ".join(response.context["form"].errors["logo"])
    employer.employer_profile.refresh_from_db()
    assert not employer.employer_profile.logo


@pytest.mark.django_db
def test_logos_over_2000_pixels_a_side_are_refused(client_for, employer):
    """A tiny file can declare a huge canvas (a decompression bomb): the pixel size is capped."""
    response = _post_logo(client_for, employer, "logo.png", _image("PNG", size=(2001, 10), mode="1"))
    assert "Ukuran logo maksimal 2000×2000 piksel" in " ".join(response.context["form"].errors["logo"])


@pytest.mark.django_db
def test_logos_are_shrunk_and_re_encoded_as_webp_without_metadata(client_for, employer):
    """What is stored is our own WebP, at most 512 px a side, with no EXIF (phone GPS) left."""
    exif = Image.Exif()
    exif[0x010F] = "KameraRahasia"  # Make
    upload = _image("JPEG", size=(1600, 1200), exif=exif.tobytes())
    response = _post_logo(client_for, employer, "foto.jpg", upload, "image/jpeg")
    assert response.status_code == 302
    employer.employer_profile.refresh_from_db()
    with employer.employer_profile.logo.open("rb") as handle, Image.open(handle) as stored:
        assert stored.format == "WEBP"
        assert max(stored.size) == 512 and stored.size == (512, 384)
        assert not stored.getexif()
    served = client_for(None).get(reverse("accounts:employer_logo", args=[employer.employer_profile.pk]))
    assert served.status_code == 200 and served["Content-Type"] == "image/webp"
