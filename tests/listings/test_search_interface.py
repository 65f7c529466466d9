"""The public search interface: `search_gigs(params)` and `gig_matches(gig, params)`."""

import pytest
from django.core.exceptions import ValidationError

from listings.search import gig_matches, search_gigs
from tests import factories


@pytest.mark.smoke
@pytest.mark.django_db
def test_gig_matches_agrees_with_search_results():
    """A remote WhatsApp gig matches "cs wfh"; an onsite one with other words does not."""
    remote = factories.PublishedGigFactory(title="CS WFH Toko Hijab", work_mode="remote")
    onsite = factories.PublishedGigFactory(
        title="Kasir Toko Roti",
        description="Melayani pembeli di toko roti.",
        work_mode="onsite",
        city="Medan",
        channels=["phone"],
    )
    params = {"q": "cs wfh"}
    assert gig_matches(remote, params)
    assert not gig_matches(onsite, params)
    assert list(search_gigs(params)) == [remote]


@pytest.mark.smoke
@pytest.mark.django_db
def test_gig_matches_ignores_unpublished_gigs():
    """A draft gig is never in search results, whatever the query."""
    draft = factories.DraftGigFactory(title="CS WFH")
    assert not gig_matches(draft, {"q": "cs wfh"})


@pytest.mark.smoke
@pytest.mark.django_db
def test_invalid_params_raise_validation_error_per_field():
    """Unknown codes and non-numeric pay are reported per field, in Indonesian."""
    with pytest.raises(ValidationError) as excinfo:
        search_gigs({"pay_model": "yearly", "channel": ["shopee", "myspace"], "min_pay": "banyak"})
    assert set(excinfo.value.message_dict) == {"pay_model", "channel", "min_pay"}


@pytest.mark.smoke
@pytest.mark.django_db
def test_any_of_lookup_filters_by_a_list_of_ids():
    """`pk__any_of` keeps exactly the listed ids; an empty list keeps nothing."""
    from listings.models import Gig

    first, second, _ = factories.PublishedGigFactory.create_batch(3)
    assert set(Gig.objects.filter(pk__any_of=[first.pk, second.pk])) == {first, second}
    assert not Gig.objects.filter(pk__any_of=[]).exists()
