"""Typos in any word, not only dictionary words: query words are corrected against the
words live gigs use (`listings.search.words`), kept current as gigs are published and
recounted from the live gigs. Wording here is written for these tests."""

import pytest

from listings.gigs.services import gig_publish_automatically
from listings.models import SearchWord
from listings.search import parse_query, search_gigs
from listings.search.dictionary import get_dictionary
from listings.search.parsing import correct_word
from listings.search.words import BoardWords, board_words, board_words_rebuild
from tests import factories

# Product words the slang and business dictionaries do not carry.
PRODUCT = "keramik"
OTHER_PRODUCT = "gorden"


def published(title, description):
    pending = factories.PendingGigFactory(title=title, description=description)
    return gig_publish_automatically(gig=pending, reason="test")


def titles(q):
    return [g.title for g in search_gigs({"q": q})]


def test_the_test_words_are_not_dictionary_words():
    known = get_dictionary().known_words
    assert PRODUCT not in known and OTHER_PRODUCT not in known and "admit" not in known


@pytest.mark.smoke
@pytest.mark.django_db
def test_a_typo_of_a_word_only_gigs_use_finds_them(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        # The product is named in the description only.
        published("Admin Chat Toko Bangunan", "Balas chat pembeli keramik lantai dan dinding.")
        published("Admin Chat Toko Gorden", "Balas chat pembeli gorden jendela.")
    assert titles("admin keramk") == ["Admin Chat Toko Bangunan"]  # deletion
    assert titles("admin kreamik") == ["Admin Chat Toko Bangunan"]  # transposition
    assert titles("admin gordeen")[0] == "Admin Chat Toko Gorden"  # doubled letter
    assert [c.terms for c in parse_query("keramk").concepts] == [("keramik",)]


@pytest.mark.django_db
def test_a_new_posts_words_are_known_at_once(django_capture_on_commit_callbacks):
    """The vocabulary was loaded before the post; publishing it moves the version."""
    assert board_words().count(PRODUCT) == 0
    with django_capture_on_commit_callbacks(execute=True):
        published("CS Toko Keramik", "Melayani pembeli keramik.")
    assert board_words().count(PRODUCT) == 1
    assert titles("cs keramk") == ["CS Toko Keramik"]


@pytest.mark.smoke
@pytest.mark.django_db
def test_rebuild_counts_live_gigs_only(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        published("CS Toko Keramik", "Melayani pembeli keramik.")
        published("CS Keramik Kedua", "Keramik dan gorden.")
    factories.ClosedGigFactory(title="CS Toko Gorden", description="gorden")
    board_words_rebuild()
    counts = dict(SearchWord.objects.values_list("word", "gigs"))
    assert counts[PRODUCT] == 2
    assert counts[OTHER_PRODUCT] == 1  # the closed gig's use does not count
    assert "2" not in counts and "cs" not in counts  # numbers and short words are left out


def test_a_word_the_board_uses_stays_as_typed():
    """Without the board "admit" would be read as the dictionary's "admin"; a board that
    uses it keeps it. A rare spelling next to a common one is read as the common one."""
    dictionary = get_dictionary()
    assert correct_word("admit", dictionary) == "admin"
    assert correct_word("admit", dictionary, lambda: BoardWords.of({"admit": 4})) == "admit"
    board = BoardWords.of({"gordeng": 1, "gorden": 40})
    assert correct_word("gordeng", dictionary, lambda: board) == "gorden"
    assert correct_word("xorden", dictionary, lambda: board) == "xorden"  # first letter kept


@pytest.mark.django_db
def test_the_vocabulary_costs_no_query_once_loaded(client, django_assert_max_num_queries):
    published("Admin Chat Toko Keramik", "Balas chat pembeli keramik.")
    client.get("/api/v1/gigs/", {"q": "admin keramk"})  # warms the vocabulary and pay caches
    with django_assert_max_num_queries(3):
        body = client.get("/api/v1/gigs/", {"q": "admin keramk"}).json()
    assert [r["title"] for r in body["results"]] == ["Admin Chat Toko Keramik"]
