"""Query understanding: slang, abbreviations, typos and repeated letters become concepts."""

import json

import pytest

from listings.cities import CITIES_FILE, canonical_city
from listings.search import parse_query
from listings.search.dictionary import BUSINESSES_FILE, get_dictionary
from listings.search.parsing import correct_word
from listings.search.text import normalise_words, squeeze_repeats

pytestmark = pytest.mark.smoke


def keys(text: str) -> list[str]:
    return [c.key for c in parse_query(text).concepts]


def test_dictionary_file_loads_and_only_uses_known_codes():
    """slang.json validates against the vocabulary (unknown codes would raise on load)."""
    dictionary = get_dictionary()
    assert ("wfh",) in dictionary.phrases
    assert dictionary.phrases[("dari", "rumah")].hints == {"work_mode": ("remote",)}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("cs wfh", ["customer_service", "remote"]),
        ("kerja dari rumah", ["remote"]),
        ("dr rumah", ["remote"]),
        ("admin olshop harian", ["admin", "olshop", "daily"]),
        ("admin online paruh waktu", ["admin", "part_time"]),
        ("part time malam", ["part_time", "night"]),
        ("freelance lepas", ["freelance"]),
        ("admin per jam", ["admin", "hourly"]),
        ("wa ig tiktok shop", ["whatsapp", "instagram", "tiktok_shop"]),
        ("akhir pekan", ["weekend"]),
        ("lowongan cs jogja", ["customer_service", "city:Yogyakarta"]),
        ("layanan pelanggan", ["customer_service"]),
    ],
)
def test_slang_maps_to_concepts(query, expected):
    """Slang and abbreviations expand to the dictionary's concepts, in query order."""
    assert keys(query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("custumer servis", ["customer_service"]),
        ("admn tokopedia", ["admin", "tokopedia"]),
        ("kerja onlen komisi", ["remote", "commission"]),
        ("ADMINNNN Shopeeee!!!", ["admin", "shopee"]),
        ("whatsap", ["whatsapp"]),
    ],
)
@pytest.mark.django_db  # unknown words are also looked up in the board's own vocabulary
def test_typos_and_repeated_letters_are_corrected(query, expected):
    """Close misspellings of dictionary words are corrected before phrase matching."""
    assert keys(query) == expected


@pytest.mark.django_db
def test_unknown_words_become_fuzzy_free_text():
    """A word the dictionary does not know is searched as text (stemmed, by prefix)."""
    concepts = parse_query("admin bengkel knalpot").concepts
    assert [c.key for c in concepts] == ["admin", "business:automotive", "text:knalpot"]
    assert concepts[-1].fuzzy


def test_quoted_phrases_and_exclusions_websearch_style():
    """'"frozen food" -shopee' keeps the phrase together and excludes Shopee."""
    parsed = parse_query('"frozen food" -shopee')
    assert [(c.key, c.negated) for c in parsed.concepts] == [("text:frozen food", False), ("shopee", True)]
    assert [c.key for c in parsed.negative] == ["shopee"]


def test_stopwords_and_punctuation_are_ignored():
    """'Lowongan' and punctuation carry no meaning for matching."""
    assert keys("Lowongan: CS, WFH!") == ["customer_service", "remote"]
    assert parse_query("   ").concepts == ()


def test_helpers():
    """Normalisation folds accents and case; corrections stay conservative on short words."""
    assert normalise_words("Café  PART-time") == ["cafe", "part", "time"]
    assert squeeze_repeats("adminnnn", frozenset({"admin"})) == "admin"
    assert correct_word("cs", get_dictionary()) == "cs"
    assert correct_word("xyzzy", get_dictionary()) == "xyzzy"
    assert canonical_city("jogja") == "Yogyakarta"
    assert canonical_city("Kota Baru") == "Kota Baru"


def test_two_word_schedules_keep_both_meanings():
    """'shift malam' is a shift gig at night: both concepts apply."""
    assert keys("cs shift malam") == ["customer_service", "shift", "night"]
    assert keys("chat pelanggan malam hari") == ["chat", "customer_service", "night"]


def test_business_and_city_files_name_each_word_once():
    """A word belongs to one business kind and an alias to one city (else lookups depend on
    file order); every kind's words become one concept."""
    businesses = json.loads(BUSINESSES_FILE.read_text(encoding="utf-8"))["kinds"]
    words = [tuple(normalise_words(w)) for kind in businesses for w in kind["words"]]
    assert len(words) == len(set(words))
    cities = json.loads(CITIES_FILE.read_text(encoding="utf-8"))["cities"]
    aliases = [tuple(normalise_words(a)) for names in cities.values() for a in names]
    assert len(aliases) == len(set(aliases))
    assert get_dictionary().phrases[("nastar",)].key == "business:bakery"
    assert get_dictionary().phrases[("pku",)].cities == ("Pekanbaru",)
