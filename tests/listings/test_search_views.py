"""The search page /lowongan/, its results partial (static/js/search.js), feeds, the home page."""

import pytest

from listings.insights.selectors import pay_benchmarks
from tests import factories


@pytest.fixture
def gigs(db):
    return {
        "remote": factories.PublishedGigFactory(title="CS WFH Malam Toko Hijab", schedule=["night"]),
        "bandung": factories.PublishedGigFactory(
            title="Admin Olshop Bandung", work_mode="onsite", city="Bandung", channels=["instagram"]
        ),
        "draft": factories.DraftGigFactory(title="CS WFH draf"),
    }


@pytest.mark.smoke
def test_search_page_works_without_javascript(client, gigs):
    """A plain GET renders the whole page with the form filled in and ranked cards."""
    response = client.get("/lowongan/", {"q": "cs wfh malam"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="cs wfh malam"' in html
    assert html.index("CS WFH Malam Toko Hijab") < html.index("</html>")
    assert "CS WFH draf" not in html
    assert "js/search.js" in html  # enhances the same form: results without a reload


def test_script_request_gets_only_the_results_block(client, gigs):
    """With HX-Request the view answers the results partial and varies its cache on it."""
    response = client.get("/lowongan/", {"q": "bandung"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html and "Admin Olshop Bandung" in html
    assert "HX-Request" in response["Vary"]


def test_filters_narrow_results_and_cards_show_estimated_pay(client, gigs):
    """Channel checkboxes filter; cards show the per-month and per-hour estimate."""
    html = client.get("/lowongan/", {"channel": "instagram"}).content.decode()
    assert "Admin Olshop Bandung" in html and "CS WFH Malam" not in html
    assert "≈ Rp 1.625.000/bulan · Rp 18.750/jam" in html  # Rp 75.000 a day, 20 h: 5 days of 4 h


def test_empty_results_suggest_what_to_relax(client, gigs):
    """No match: the page offers to drop the filter that blocks results, with a count
    ("bandung" finds the Bandung gig and the remote one anyone can take)."""
    html = client.get("/lowongan/", {"q": "bandung", "work_mode": "hybrid"}).content.decode()
    assert "Belum ada lowongan yang cocok" in html
    assert "Tanpa lokasi kerja: 2 lowongan" in html
    assert "/lowongan/?q=bandung" in html


def test_invalid_filter_values_show_errors_not_500(client, gigs):
    """Bad values are form errors; the valid part of the search still runs."""
    response = client.get("/lowongan/", {"q": "bandung", "pay_model": "yearly", "min_pay": "banyak"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "errorlist" in html and "Admin Olshop Bandung" in html


def test_pagination_keeps_the_search(client, db):
    """Page links carry the query so the URL always reflects the search."""
    factories.PublishedGigFactory.create_batch(21, title="Admin Shopee")
    html = client.get("/lowongan/", {"q": "shopee"}).content.decode()
    assert "q=shopee&amp;page=2" in html


def test_search_page_query_count(client, gigs, django_assert_max_num_queries):
    """Window ids and the page (the count is known): two queries. The cards' pay-note figures
    come from the cache (one query when it is cold, at most every 10 minutes): warmed here."""
    factories.PublishedGigFactory.create_batch(5)
    pay_benchmarks()
    with django_assert_max_num_queries(2):
        client.get("/lowongan/", {"q": "cs wfh", "channel": ["whatsapp"]})


def test_rss_and_atom_feeds_follow_the_search(client, gigs):
    """/lowongan/feed/ and /feed/atom/ list the search's gigs; bad filters are a 404."""
    rss = client.get("/lowongan/feed/", {"q": "bandung"})
    assert rss["Content-Type"].startswith("application/rss+xml")
    assert rss.content.index(b"Admin Olshop Bandung") < rss.content.index(b"CS WFH Malam")
    atom = client.get("/lowongan/feed/atom/", {"channel": "whatsapp"})
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert b"CS WFH Malam" in atom.content
    assert client.get("/lowongan/feed/", {"pay_model": "yearly"}).status_code == 404


@pytest.mark.smoke
def test_home_lists_latest_gigs_and_posts_q_to_search(client, gigs):
    """The home page shows the newest published gigs and a search box to /lowongan/."""
    html = client.get("/").content.decode()
    assert "CS WFH Malam Toko Hijab" in html and "CS WFH draf" not in html
    assert 'action="/lowongan/"' in html


def test_capped_relevance_window_is_announced(client, gigs, monkeypatch):
    """When the ranking window is full the page says "Lebih dari …" instead of an exact count."""
    monkeypatch.setattr("listings.search.RANK_WINDOW", 1)
    html = client.get("/lowongan/", {"q": "admin"}).content.decode()
    assert "Lebih dari 1.000 lowongan" in html


def test_newest_list_count_is_bounded(client, gigs, monkeypatch):
    """Lists without a query count up to a bound and say "Lebih dari …" past it."""
    monkeypatch.setattr("listings.search.paging.COUNT_BOUND", 1)
    monkeypatch.setattr("listings.search.views.COUNT_BOUND", 1)
    monkeypatch.setattr("listings.search.views.PAGE_SIZE", 1)
    html = client.get("/lowongan/", {"sort": "newest"}).content.decode()
    assert "Lebih dari 1 lowongan" in html


@pytest.mark.smoke
def test_a_plain_form_submit_with_empty_fields_redirects_to_the_clean_address(client, gigs):
    """JavaScript off, the form sends every field: the page answers with a 302 to the same
    search without the empty values, keeping repeated ones (channel=a&channel=b) in order."""
    response = client.get(
        "/lowongan/?q=cs&city=&channel=whatsapp&min_pay=&channel=shopee&pay_model=&sort=newest"
    )
    assert response.status_code == 302
    assert response["Location"] == "/lowongan/?q=cs&channel=whatsapp&channel=shopee&sort=newest"
    assert client.get("/lowongan/?city=&min_pay=")["Location"] == "/lowongan/"
    followed = client.get(response["Location"])
    assert followed.status_code == 200
    assert "CS WFH Malam Toko Hijab" in followed.content.decode()


def test_a_clean_search_address_is_served_directly(client, gigs):
    assert client.get("/lowongan/?q=cs&channel=whatsapp&channel=shopee").status_code == 200
    assert client.get("/lowongan/").status_code == 200
