"""JSON API `GET /api/v1/gigs/` and `/api/v1/gigs/{id}/`: contract, filters, 400s, schema."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from listings.api.serializers import LIST_FIELDS, GigSerializer
from listings.models import Gig
from listings.search import search_gigs
from listings.search.engine import AnyOf
from listings.verification import services
from tests import factories

LIST_URL = "/api/v1/gigs/"


@pytest.fixture
def published(db):
    return factories.PublishedGigFactory(title="CS WFH Malam Toko Hijab", schedule=["night"])


def test_list_contract_shape_and_fields(client, published):
    """The page is {count, next, previous, results} and each result carries the contract fields."""
    factories.DraftGigFactory(title="CS WFH draf")
    body = client.get(LIST_URL, {"q": "cs wfh"}).json()
    assert set(body) == {"count", "count_capped", "next", "previous", "results", "understood", "relaxed"}
    assert body["count"] == 1 and body["count_capped"] is False
    result = body["results"][0]
    for field in (
        "id", "title", "employer", "pay_model", "pay_min", "pay_max", "work_mode", "city",
        "channels", "duties", "schedule", "url", "published_at",
    ):  # fmt: skip
        assert field in result
    assert result["employer"] == {
        "name": published.employer.employer_profile.business_name,
        "verified": False,
        "verification": None,
    }
    assert result["url"].endswith(published.get_absolute_url())


def test_detail_shows_published_gig_and_hides_others(client, published):
    """Published gigs have a detail; drafts and other statuses are 404."""
    assert client.get(f"{LIST_URL}{published.pk}/").json()["description"] == published.description
    for factory in (factories.DraftGigFactory, factories.PendingGigFactory, factories.ExpiredGigFactory):
        assert client.get(f"{LIST_URL}{factory().pk}/").status_code == 404


def test_filters_and_repeated_list_params(client, published):
    """channel/duty/schedule repeat; all filters narrow like the web page."""
    factories.PublishedGigFactory(title="Admin Shopee", channels=["shopee"], schedule=["full_time"])
    body = client.get(LIST_URL, {"schedule": ["night", "weekend"], "channel": "whatsapp"}).json()
    assert [r["title"] for r in body["results"]] == [published.title]


@pytest.mark.parametrize(
    "params",
    [
        {"pay_model": "yearly"},
        {"work_mode": "mars"},
        {"channel": "myspace"},
        {"min_pay": "banyak"},
        {"min_pay": "-1"},
        {"sort": "random"},
        {"q": "x" * 500},
    ],
)
def test_invalid_values_answer_400_with_field_message(client, db, params):
    """Bad filter values are a 400 naming the field, never a 500."""
    response = client.get(LIST_URL, params)
    assert response.status_code == 400
    assert set(response.json()) == set(params)


def test_list_query_count_is_constant(client, published, django_assert_max_num_queries):
    """Ranking window ids and the page: two queries however many gigs match (count is known)."""
    factories.PublishedGigFactory.create_batch(5)
    with django_assert_max_num_queries(2):
        assert client.get(LIST_URL, {"q": "admin wfh"}).status_code == 200


def test_list_counts_stop_at_the_bound_and_never_count_the_whole_board(client, db, monkeypatch):
    """Lists without a query count at most COUNT_BOUND + 1 rows (a LIMITed subquery) and
    say so with `count_capped`."""
    monkeypatch.setattr("listings.search.paging.COUNT_BOUND", 2)
    monkeypatch.setattr("listings.api.pagination.SearchPagination.page_size", 1)
    factories.PublishedGigFactory.create_batch(5, pay_model="daily", pay_min=100_000)
    with CaptureQueriesContext(connection) as queries:
        body = client.get(LIST_URL, {"pay_model": "daily"}).json()
    counts = [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"].upper()]
    assert counts and all("LIMIT" in sql.upper() for sql in counts)
    assert body["count"] == 3 and body["count_capped"] is True and body["next"]


def test_schema_documents_the_filters(client, db):
    """The OpenAPI schema lists the gig endpoints and their query parameters."""
    response = client.get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    params = {p["name"] for p in schema["paths"]["/api/v1/gigs/"]["get"]["parameters"]}
    assert {
        "q",
        "pay_model",
        "work_mode",
        "channel",
        "duty",
        "city",
        "min_pay",
        "schedule",
        "sort",
        "page",
    } <= params
    assert "/api/v1/gigs/{id}/" in schema["paths"]


filter_values = st.one_of(
    st.text(max_size=30),
    st.integers(-(10**12), 10**12).map(str),
    st.sampled_from(["", "shopee", "remote", "hourly", "pay", "night"]),
)  # noqa: E501


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    params=st.dictionaries(
        st.sampled_from(
            ["q", "pay_model", "work_mode", "channel", "duty", "city", "min_pay", "schedule", "sort", "page"]
        ),
        filter_values,
        max_size=5,
    )
)
def test_any_filter_values_never_cause_a_500(client, params):
    """Whatever the query string, the API answers 200, 400 or 404 (bad page), never 500."""
    assert client.get(LIST_URL, params).status_code in (200, 400, 404)


def test_list_serialiser_writes_what_drf_generic_walk_writes(db, rf):
    """`GigSerializer.to_representation` is written out for speed; field for field it says
    what DRF's own walk says: commission and no-max pay, no profile, a verified business
    with its checks, nulls, a city and a remote gig."""
    verified = factories.EmployerFactory()
    request = services.verification_request_submit(
        profile=verified.employer_profile,
        by=verified,
        nib="9120 0012 34567",
        marketplace_url="https://shopee.co.id/tokoberkah",
        ktp=SimpleUploadedFile("ktp.png", _png(), content_type="image/png"),
    )
    moderator = factories.ModeratorFactory()
    services.verification_grant(request=request, by=moderator, checks=["nib", "marketplace"])
    factories.PublishedGigFactory(
        employer=verified, pay_model="monthly", pay_min=2_000_000, pay_max=3_000_000
    )
    factories.PublishedGigFactory(
        pay_model="commission", pay_min=0, pay_max=None, commission_description="5% per closing"
    )
    factories.PublishedGigFactory(work_mode="remote", city="", hours_per_week=None, pay_model="hourly")
    no_profile = factories.PublishedGigFactory()
    no_profile.employer.employer_profile.delete()
    serializer = GigSerializer(context={"request": rf.get("/api/v1/gigs/")})
    gigs = list(Gig.objects.published().with_card_data().only(*LIST_FIELDS).order_by("pk"))
    assert len(gigs) == 4
    for gig in gigs:
        assert serializer.to_representation(gig) == serializer.generic_representation(gig)
    assert [g["employer"]["verified"] for g in (serializer.to_representation(x) for x in gigs)] == [
        True,
        False,
        False,
        False,
    ]


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 12), (200, 120, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_ranked_page_reads_only_its_own_rows(client, db):
    """A relevance page fetches its 20 rows, not the whole ranked window, in ranked order and
    with only the columns the list shows."""
    for n in range(25):
        factories.PublishedGigFactory(title=f"CS WFH Toko {n}")
    ranked = search_gigs({"q": "cs wfh"}).only(*LIST_FIELDS)
    assert ranked.count() == 25
    page = ranked[20:40]
    (lookup,) = [c for c in page.query.where.children if isinstance(c, AnyOf)]
    assert list(lookup.rhs) == ranked.ranked_ids[20:]
    assert [g.pk for g in page] == [g.pk for g in ranked][20:]
    assert page.query.deferred_loading == (frozenset(LIST_FIELDS), False)
    body = client.get(LIST_URL, {"q": "cs wfh", "page": 2}).json()
    assert [r["id"] for r in body["results"]] == ranked.ranked_ids[20:]
