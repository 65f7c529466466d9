"""`BoundedPaginator`: counts stop past the wanted page, next links keep working."""

from listings.models import Gig
from listings.search.paging import BoundedPaginator
from listings.vocabulary import PayModel
from tests import factories


def test_count_stops_at_the_bound_and_grows_with_the_wanted_page(db, monkeypatch):
    """7 rows, a bound of 2, one row a page: page 1 counts 3 rows (capped), page 5 counts
    up to 2 rows past its start (all 7 here), and both link to a next page."""
    monkeypatch.setattr("listings.search.paging.COUNT_BOUND", 2)
    factories.PublishedGigFactory.create_batch(7, pay_model=PayModel.DAILY, pay_min=100_000)
    rows = Gig.objects.order_by("pk")
    first = BoundedPaginator(rows, 1).get_page(1)
    assert (first.paginator.count, first.paginator.capped, first.has_next()) == (3, True, True)
    deep = BoundedPaginator(rows, 1).get_page(5)
    assert (deep.number, deep.paginator.count, deep.has_next()) == (5, 7, True)
