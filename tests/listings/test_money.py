"""Money typed the Indonesian way, in every money field: gig form, profile, search, import."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import WorkerProfile
from listings.models import Gig
from listings.money import MoneyError, parse_rupiah
from listings.search import clean_search_params
from tests import factories
from tests.accounts.test_worker_profile import _form_data as profile_post
from tests.listings.test_views_employer import gig_post


@pytest.mark.smoke
@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("1.500.000", 1_500_000),
        ("Rp 1.500.000", 1_500_000),
        ("Rp. 1.500.000,-", 1_500_000),
        ("rp1500000", 1_500_000),
        ("1,5 jt", 1_500_000),
        ("1.5jt", 1_500_000),
        ("1,5 juta", 1_500_000),
        ("2jt", 2_000_000),
        ("75rb", 75_000),
        ("75 ribu", 75_000),
        ("75k", 75_000),
        ("75K", 75_000),
        ("75.000", 75_000),  # never 75
        ("15.000,00", 15_000),
        ("1,500,000", 1_500_000),
        ("1 jt 250 rb", 1_250_000),
        ("2,25 rb", 2_250),
        ("75000", 75_000),
        ("", None),
        ("  ", None),
    ],
)
def test_parse_rupiah_reads_what_people_type(typed, amount):
    """Thousands dots, Rp prefixes, rb/ribu/k and jt/juta with a decimal comma or dot."""
    assert parse_rupiah(typed) == amount


@pytest.mark.smoke
@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("15000.50", "Rupiah tidak pakai sen: tulis 15.000."),
        ("15.000,50", "Rupiah tidak pakai sen: tulis 15.000."),
        ("1.5", "Kurang jelas: 1.5 rb atau 1.5 jt?"),
        ("1jt500", "Tulis jumlah rupiah, misalnya 75.000, 75rb atau 1,5 jt."),
        ("banyak", "Tulis jumlah rupiah"),
        ("75rb/hari", "Tulis jumlah rupiah"),
        ("1,2345 rb", "bukan rupiah utuh"),
        ("-5000", "tidak boleh negatif"),
        ("1.500,000", "Tulis jumlah rupiah"),
    ],
)
def test_ambiguous_or_fractional_rupiah_is_a_clear_error(typed, message):
    """Nothing is guessed: no silent ×100, no 1,5 read as 15."""
    with pytest.raises(MoneyError) as error:
        parse_rupiah(typed)
    assert message in str(error.value)


@pytest.mark.django_db
def test_gig_form_accepts_typed_amounts_and_shows_them_back_formatted(client_for):
    """'1,5 jt' is saved as 1.500.000 and the edit form shows '1.500.000'."""
    employer = factories.EmployerFactory()
    client = client_for(employer)
    post = gig_post(pay_model="monthly", pay_min="1,5 jt", pay_max="Rp 2.000.000", trial_pay="50rb")
    client.post(reverse("listings:gig_create"), post)
    gig = Gig.objects.get()
    assert (gig.pay_min, gig.pay_max, gig.trial_pay) == (1_500_000, 2_000_000, 50_000)
    html = client.get(reverse("listings:gig_edit", args=[gig.pk])).content.decode()
    assert 'value="1.500.000"' in html and 'value="2.000.000"' in html and 'value="50.000"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"pay_min": "1jt", "pay_max": "500rb"}, "Gaji maksimum harus ≥ Rp 1.000.000 (gaji minimum)."),
        ({"pay_min": "2000000000"}, "Gaji minimum harus ≤ Rp 1.000.000.000."),
        ({"pay_min": "15000.50"}, "Rupiah tidak pakai sen: tulis 15.000."),
    ],
)
def test_gig_form_money_errors_read_like_people_talk(client_for, overrides, message):
    """Bounds are told in rupiah, and the typed value stays in the box."""
    response = client_for(factories.EmployerFactory()).post(
        reverse("listings:gig_create"), gig_post(**overrides)
    )
    html = response.content.decode()
    assert message in html
    assert "lebih kecil dari atau sama dengan" not in html
    assert f'value="{overrides["pay_min"]}"' in html
    assert not Gig.objects.exists()


@pytest.mark.django_db
def test_profile_pay_expectation_accepts_75rb(client_for):
    worker = factories.WorkerFactory()
    client_for(worker).post(reverse("accounts:worker_profile"), profile_post(expected_pay_min="75rb"))
    assert WorkerProfile.objects.get(user=worker).expected_pay_min == 75_000


@pytest.mark.smoke
def test_search_min_pay_accepts_typed_amounts():
    """The search page, API and saved alerts share this parsing (clean_search_params)."""
    assert clean_search_params({"min_pay": "2jt"})["min_pay"] == 2_000_000
    assert clean_search_params({"min_pay": "1.500.000"})["min_pay"] == 1_500_000
    with pytest.raises(Exception, match="tidak pakai sen"):
        clean_search_params({"min_pay": "15000.50"})


@pytest.mark.django_db
def test_search_page_min_pay_filter_accepts_jt(client):
    factories.PublishedGigFactory(title="Admin Bulanan Besar", pay_model="monthly", pay_min=3_000_000)
    factories.PublishedGigFactory(title="Admin Bulanan Kecil", pay_model="monthly", pay_min=1_000_000)
    html = client.get("/lowongan/", {"min_pay": "2 jt"}).content.decode()
    assert "Admin Bulanan Besar" in html and "Admin Bulanan Kecil" not in html


ROW = {
    "employer_name": "Toko Kue Bu Rina",
    "employer_email": "rina@kue.example.id",
    "title": "Admin Pesanan Kue",
    "description": "Membalas chat pembeli dan mencatat pesanan kue setiap hari.",
    "hours_per_week": 20,
    "schedule": "Paruh waktu",
    "channels": "WA, Instagram",
    "duties": "Membalas chat pelanggan",
}


def _import(tmp_path, rows):
    path = tmp_path / "gigs.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    out = StringIO()
    call_command("import_gigs", str(path), "--no-progress", stdout=out, stderr=out)
    return out.getvalue()


@pytest.mark.django_db
def test_import_reads_indonesian_amounts_and_labels(tmp_path):
    """'harian', 'per jam', 'WFH' map to codes; '1,5 jt' and '75.000' are whole rupiah."""
    rows = [
        {**ROW, "title": "Harian", "pay_model": "harian", "pay_min": "75.000", "work_mode": "WFH"},
        {**ROW, "title": "Per jam", "pay_model": "Per Jam", "pay_min": "15rb", "work_mode": "dari rumah"},
        {
            **ROW,
            "title": "Bulanan",
            "pay_model": "Bulanan",
            "pay_min": "1,5 jt",
            "work_mode": "Di lokasi",
            "city": "Solo",
        },
    ]
    out = _import(tmp_path, rows)
    assert "created 3" in out, out
    gigs = {g.title: g for g in Gig.objects.all()}
    assert (gigs["Harian"].pay_model, gigs["Harian"].pay_min, gigs["Harian"].work_mode) == (
        "daily",
        75_000,
        "remote",
    )
    assert (gigs["Per jam"].pay_model, gigs["Per jam"].pay_min) == ("hourly", 15_000)
    assert (gigs["Bulanan"].pay_min, gigs["Bulanan"].work_mode) == (1_500_000, "onsite")
    assert gigs["Harian"].channels == ["whatsapp", "instagram"]
    assert gigs["Harian"].schedule == ["part_time"] and gigs["Harian"].duties == ["customer_chat"]


@pytest.mark.django_db
def test_import_refuses_fractional_rupiah_instead_of_multiplying_it(tmp_path):
    """'15000.50' used to become 1.500.050; now the row is reported and nothing is saved."""
    rows = [
        {**ROW, "pay_model": "daily", "pay_min": "15000.50", "work_mode": "remote"},
        {**ROW, "title": "Float", "pay_model": "daily", "pay_min": 15000.5, "work_mode": "remote"},
        {**ROW, "title": "Aneh", "pay_model": "seikhlasnya", "pay_min": "50rb", "work_mode": "remote"},
    ]
    out = _import(tmp_path, rows)
    assert "line 1" in out and "Rupiah tidak pakai sen" in out
    assert "line 2" in out and "line 3" in out and "“seikhlasnya” tidak dikenal" in out
    assert not Gig.objects.exists()
