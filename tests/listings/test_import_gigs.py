"""`manage.py import_gigs FILE [--publish]`: JSONL and CSV, bad rows by line, idempotent."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from accounts.models import User
from listings.models import Gig

ROW = {
    "employer_name": "Toko Hijab Amanah",
    "employer_email": "Owner@HijabAmanah.example.id",
    "title": "Admin Online Hijab WFH",
    "description": "Membalas chat pembeli di WhatsApp dan Shopee, input pesanan.",
    "pay_model": "daily",
    "pay_min": 75000,
    "pay_max": None,
    "work_mode": "remote",
    "city": None,
    "hours_per_week": 20,
    "schedule": ["part_time"],
    "channels": ["whatsapp", "shopee"],
    "duties": ["customer_chat"],
}


def run(path, *args):
    out, err = StringIO(), StringIO()
    call_command("import_gigs", str(path), "--no-progress", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def jsonl(tmp_path):
    rows = [
        ROW,
        {
            **ROW,
            "title": "CS Komisi",
            "pay_model": "commission",
            "description": "Komisi 5% per closing. Dari rumah.",
        },
        {**ROW, "title": "Gaji salah", "pay_min": "banyak"},
        {**ROW, "title": "Onsite tanpa kota", "work_mode": "onsite"},
        {**ROW, "title": "Channel aneh", "channels": ["myspace"]},
    ]
    path = tmp_path / "gigs.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n{not json\n", encoding="utf-8")
    return path


@pytest.mark.django_db
def test_import_creates_employers_and_reports_bad_rows_by_line(jsonl):
    """Good rows become drafts of new employer accounts; each bad row is named by line."""
    out, err = run(jsonl)
    assert "created 2" in out
    assert "bad rows 4" in out
    for line in (3, 4, 5, 6):
        assert f"line {line}:" in err
    assert "city" in err and "channels" in err
    owner = User.objects.get(email="owner@hijabamanah.example.id")
    assert owner.is_employer and not owner.has_usable_password()
    assert owner.employer_profile.business_name == "Toko Hijab Amanah"
    assert set(Gig.objects.values_list("status", flat=True)) == {"draft"}
    assert Gig.objects.get(title="CS Komisi").commission_description.startswith("Komisi 5%")


@pytest.mark.django_db
def test_reimport_creates_no_duplicates(jsonl):
    """Importing the same file twice leaves the same gigs."""
    run(jsonl)
    out, _ = run(jsonl)
    assert "created 0" in out and "already imported 2" in out
    assert Gig.objects.count() == 2


@pytest.mark.django_db
def test_publish_flag_publishes_with_audit_trail(jsonl):
    """--publish sends valid rows through review and publishes them automatically."""
    out, _ = run(jsonl, "--publish")
    assert "published 2" in out
    gig = Gig.objects.get(title="Admin Online Hijab WFH")
    assert gig.status == "published" and gig.published_at
    assert list(gig.events.values_list("action", flat=True).order_by("pk")) == ["create", "submit", "approve"]


@pytest.mark.django_db
def test_csv_with_list_columns(tmp_path):
    """CSV rows use comma/semicolon separated lists; the header is line 1."""
    path = tmp_path / "gigs.csv"
    path.write_text(
        "employer_name,employer_email,title,description,pay_model,pay_min,pay_max,work_mode,city,"
        "hours_per_week,schedule,channels,duties\n"
        "Toko A,a@toko.example.id,Admin WA,Balas chat,monthly,2000000,,onsite,Bandung,40,full_time,"
        '"whatsapp;instagram",customer_chat\n'
        "Toko B,b@toko.example.id,Admin IG,Balas chat,monthly,abc,,remote,,,,instagram,customer_chat\n",
        encoding="utf-8",
    )
    out, err = run(path)
    assert "created 1" in out and "line 3:" in err
    assert Gig.objects.get().channels == ["whatsapp", "instagram"]


@pytest.mark.django_db
def test_existing_worker_email_is_a_row_error(tmp_path, worker):
    """A row cannot attach gigs to a job seeker's account."""
    path = tmp_path / "gigs.jsonl"
    path.write_text(json.dumps({**ROW, "employer_email": worker.email}), encoding="utf-8")
    _, err = run(path)
    assert "line 1:" in err
    assert not Gig.objects.exists()


@pytest.mark.django_db
def test_publish_holds_rows_the_screening_flags(tmp_path):
    """--publish leaves a gig asking for a registration fee and OTP codes in the review queue."""
    scam = {
        **ROW,
        "title": "Admin Online Gaji Besar",
        "description": (
            "Kerja santai dari rumah gaji 10 juta per minggu. Wajib transfer biaya pendaftaran "
            "Rp 150.000 dan kirim kode OTP ke admin untuk aktivasi akun."
        ),
    }
    path = tmp_path / "gigs.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in (ROW, scam)), encoding="utf-8")
    out, _ = run(path, "--publish")
    assert "published 1" in out and "held for review 1" in out
    assert Gig.objects.get(title="Admin Online Gaji Besar").status == "pending"


@pytest.mark.django_db
def test_commission_rate_is_read_from_the_description_in_other_words(tmp_path):
    """A commission row without commission_description takes the sentence stating the rate,
    also when it says "untung … per pack" with amounts like Rp5.000."""
    row = {
        **ROW,
        "title": "Dropship Frozen Food",
        "pay_model": "commission",
        "pay_min": 0,
        "description": (
            "Kamu jualan ke grup WA. Untung Rp5.000–Rp8.000 per pack, tanpa modal. Katalog via email."
        ),
    }
    path = tmp_path / "gigs.jsonl"
    path.write_text(json.dumps(row), encoding="utf-8")
    out, _ = run(path)
    assert "created 1" in out
    assert Gig.objects.get().commission_description == "Untung Rp5.000–Rp8.000 per pack, tanpa modal"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "sentence",
    ["Bagi hasil 10% per transaksi yang berhasil", "Fee Rp 5.000 per closing", "Dapat 7 persen dari omzet"],
)
def test_commission_rows_take_the_owners_words_for_it(tmp_path, sentence):
    """A commission row without commission details imports when the description states
    the commission in any common wording ("bagi hasil", "fee", "10%")."""
    row = {**ROW, "title": "Closer Online", "pay_model": "commission", "pay_min": 0}
    row["description"] = f"Membalas chat pembeli. {sentence}. Dari rumah."
    path = tmp_path / "gigs.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    out, err = run(path)
    assert "created 1" in out, err
    assert Gig.objects.get(title="Closer Online").commission_description == sentence
