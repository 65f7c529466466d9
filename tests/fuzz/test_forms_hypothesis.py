"""Hypothesis over the main forms, posted through their real views: whatever arrives, the
answer is a page with Indonesian errors or a redirect, never a server error.

The Django test client re-raises any exception a view lets escape, so a would-be 500 fails
the example. Rate limits are switched off here (they have their own tests)."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from listings.vocabulary import Channel, Duty, PayModel, ReportReason, Schedule, WorkMode
from tests import factories

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
HOSTILE = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "null\x00byte",
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "' OR 1=1 --",
        "﷽" * 50,
        "9" * 40,
        "-1",
        "1e309",
        "NaN",
        "0812345678901234567890",
        "javascript:alert(1)",
        "https://" + "a" * 300 + ".id",
        "a\nb\r\nc",
        "😀" * 30,
    ]
)
TEXT = st.one_of(HOSTILE, st.text(max_size=300))


def some_of(choices) -> st.SearchStrategy:
    codes = [code for code, _ in choices]
    return st.lists(st.one_of(st.sampled_from(codes), TEXT), max_size=4)


def one_of(choices) -> st.SearchStrategy:
    return st.one_of(st.sampled_from([code for code, _ in choices]), TEXT)


NUMBER = st.one_of(st.integers(min_value=-(10**12), max_value=10**12).map(str), TEXT)

GIG_FORM = st.fixed_dictionaries(
    {
        "title": TEXT,
        "description": TEXT,
        "requirements": TEXT,
        "pay_model": one_of(PayModel.choices),
        "pay_min": NUMBER,
        "pay_max": NUMBER,
        "commission_description": TEXT,
        "work_mode": one_of(WorkMode.choices),
        "city": TEXT,
        "hours_per_week": NUMBER,
        "schedule": some_of(Schedule.choices),
        "channels": some_of(Channel.choices),
        "duties": some_of(Duty.choices),
        "screening_question": TEXT,
        "trial_days": NUMBER,
        "trial_pay": NUMBER,
        "openings": NUMBER,
        "windows-TOTAL_FORMS": st.sampled_from(["0", "1", "2", "x", "9999"]),
        "windows-INITIAL_FORMS": st.sampled_from(["0", "1", "-1"]),
        "windows-0-day": st.one_of(st.sampled_from(["0", "6", "7", ""]), TEXT),
        "windows-0-start": st.one_of(st.sampled_from(["08:00", "25:00", "22:00"]), TEXT),
        "windows-0-end": st.one_of(st.sampled_from(["17:00", "02:00", "08:00"]), TEXT),
        "submit": st.sampled_from(["", "1"]),
    }
)


@pytest.fixture
def no_rate_limits(settings):
    settings.RATELIMIT_ENABLE = False
    settings.ACCOUNT_RATE_LIMITS = False


def _assert_handled(response, error_banner: str | None = None):
    assert response.status_code in (200, 302), response.status_code
    form = response.context.get("form") if response.status_code == 200 else None
    if error_banner and form is not None and form.errors:
        assert error_banner in response.content.decode()


@pytest.mark.django_db
def test_gig_form_never_errors_on_any_input(client_for, employer, no_rate_limits):
    """Any combination of junk in the gig form: inline Indonesian errors or a saved gig."""
    client = client_for(employer)
    url = reverse("listings:gig_create")

    @FUZZ
    @given(GIG_FORM)
    def post(data):
        _assert_handled(client.post(url, data), "Ada isian yang perlu diperbaiki")

    post()


@pytest.mark.django_db
def test_editing_a_published_gig_never_errors_on_any_input(client_for, employer, no_rate_limits):
    """The same junk against the edit form of a live gig."""
    gig = factories.PublishedGigFactory(employer=employer)
    client = client_for(employer)
    url = reverse("listings:gig_edit", args=[gig.pk])

    @FUZZ
    @given(GIG_FORM)
    def post(data):
        _assert_handled(client.post(url, data), "Ada isian yang perlu diperbaiki")

    post()


@pytest.mark.django_db
def test_business_profile_form_never_errors_on_any_input(client_for, employer, no_rate_limits):
    """Business name, links and WhatsApp number: junk is refused inline, never a crash."""
    client = client_for(employer)
    url = reverse("accounts:employer_profile")
    form = st.fixed_dictionaries(
        {
            "business_name": TEXT,
            "category": st.one_of(st.sampled_from(["fashion", "food", "other"]), TEXT),
            "city": TEXT,
            "province": TEXT,
            "description": TEXT,
            "whatsapp": st.one_of(st.sampled_from(["0812 3456 7890", "+6281234567890", "021-555"]), TEXT),
            "instagram_url": st.one_of(st.sampled_from(["https://instagram.com/toko", "javascript:x"]), TEXT),
            "marketplace_url": TEXT,
            "website_url": TEXT,
        }
    )

    @FUZZ
    @given(form)
    def post(data):
        _assert_handled(client.post(url, data), "Ada isian yang perlu diperbaiki")

    post()


@pytest.mark.django_db
def test_report_form_never_errors_on_any_input(client_for, worker, no_rate_limits):
    """Reasons outside the list and any details text: handled, never a crash."""
    gig = factories.PublishedGigFactory()
    client = client_for(worker)
    url = reverse("listings:gig_report", args=[gig.pk, gig.slug])

    @FUZZ
    @given(st.fixed_dictionaries({"reason": one_of(ReportReason.choices), "details": TEXT}))
    def post(data):
        _assert_handled(client.post(url, data))

    post()


@pytest.mark.django_db
def test_signup_form_never_errors_on_any_input(client, no_rate_limits):
    """Signup with any email, passwords and role: errors on the page or an account created."""
    url = reverse("account_signup")
    form = st.fixed_dictionaries(
        {
            "email": st.one_of(st.emails().map(lambda e: e[:200]), TEXT),
            "password1": st.one_of(st.just(factories.PASSWORD), TEXT),
            "password2": st.one_of(st.just(factories.PASSWORD), TEXT),
            "role": st.one_of(st.sampled_from(["worker", "employer", "moderator"]), TEXT),
        }
    )

    @FUZZ
    @given(form)
    def post(data):
        client.logout()
        _assert_handled(client.post(url, data))

    post()


@pytest.mark.django_db
def test_worker_profile_form_never_errors_on_any_input(client_for, worker, no_rate_limits):
    """The worker's one-page profile with junk everywhere, availability rows included."""
    client = client_for(worker)
    url = reverse("accounts:worker_profile")
    form = st.fixed_dictionaries(
        {
            "display_name": TEXT,
            "headline": TEXT,
            "city": TEXT,
            "open_to_remote": st.sampled_from(["", "on", "x"]),
            "whatsapp": st.one_of(st.sampled_from(["0857 1234 5678", "+1 202 555 0100"]), TEXT),
            "channels": some_of(Channel.choices),
            "duties": some_of(Duty.choices),
            "years_experience": NUMBER,
            "languages": st.lists(TEXT, max_size=3),
            "preferred_pay_models": some_of(PayModel.choices),
            "expected_pay_min": NUMBER,
            "expected_pay_model": one_of(PayModel.choices),
            "portfolio_text": TEXT,
            "link_1": st.one_of(st.sampled_from(["https://instagram.com/siti", "javascript:alert(1)"]), TEXT),
            "slots-TOTAL_FORMS": st.sampled_from(["0", "1", "9999", "x"]),
            "slots-INITIAL_FORMS": st.sampled_from(["0", "-1"]),
            "slots-0-day": st.one_of(st.sampled_from(["0", "6", "9"]), TEXT),
            "slots-0-start": st.one_of(st.sampled_from(["19:00", "24:61"]), TEXT),
            "slots-0-end": st.one_of(st.sampled_from(["23:00", "19:00"]), TEXT),
        }
    )

    @FUZZ
    @given(form)
    def post(data):
        _assert_handled(client.post(url, data), "Ada isian yang perlu diperbaiki")

    post()


@pytest.mark.django_db
def test_apply_form_never_errors_on_any_input(client_for, no_rate_limits):
    """Any message or screening answer to a gig that asks a question: handled."""
    gig = factories.PublishedGigFactory(screening_question="Pernah pakai Shopee Seller Center?")
    url = reverse("listings:apply", args=[gig.pk, gig.slug])

    @FUZZ
    @given(st.fixed_dictionaries({"message": TEXT, "screening_answer": TEXT}))
    def post(data):
        _assert_handled(client_for(factories.WorkerFactory()).post(url, data))

    post()
