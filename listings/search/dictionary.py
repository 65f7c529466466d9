"""Loads the reviewed data files behind query understanding into one `Dictionary`.

- `slang.json`: how job seekers type (slang, abbreviations, English) mapped to concepts with
  structured hints (work mode, schedule, pay model, channels, duties);
- `businesses.json`: kinds of UMKM business and the words used for each (knowledge of the
  trade: 'kue kering' ~ 'nastar', 'apotek' ~ 'toko obat');
- `listings/cities.json` (through `listings.cities`): city names and their short forms.

Files are validated on load (unknown vocabulary codes fail loudly) and indexed for fast
phrase lookup: `Dictionary.phrases` maps a tuple of words to the concept it names.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..cities import CITIES_FILE
from ..vocabulary import Channel, Duty, PayModel, Schedule, TimeBand, WorkMode
from .text import normalise_words

SLANG_FILE = Path(__file__).with_name("slang.json")
BUSINESSES_FILE = Path(__file__).with_name("businesses.json")
BUSINESS_WEIGHT = 2.0

# Hint name in slang.json -> the vocabulary those codes must come from.
HINT_VOCABULARIES = {
    "work_mode": WorkMode,
    "schedule": Schedule,
    "pay_model": PayModel,
    "channels": Channel,
    "duties": Duty,
    "time": TimeBand,  # matched against `Gig.time_tags`, derived from the gig's time windows
}

CITY_WEIGHT = 3.0


@dataclass(frozen=True)
class Concept:
    """One thing the searcher asked for: matched by any of its hints or any of its terms."""

    key: str
    terms: tuple[str, ...]
    hints: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False, compare=False)
    weight: float = 1.0
    generic: bool = False
    # Free text the dictionary does not know: matched in the text vector (prefix), not tags.
    fuzzy: bool = False
    negated: bool = False
    # "wfh aja", "khusus weekend", "night only": the searcher wants that alone (a filter).
    required: bool = False

    @property
    def cities(self) -> tuple[str, ...]:
        return self.hints.get("city", ())


@dataclass(frozen=True)
class Dictionary:
    phrases: dict[tuple[str, ...], Concept]
    stopwords: frozenset[str]
    known_words: frozenset[str]
    longest_phrase: int
    cities: dict[str, tuple[str, ...]]
    # Words that make the concept next to them exclusive ("aja", "only", "khusus").
    only_words: frozenset[str] = frozenset()
    # Job titles that are not customer service or admin work (kurir, juru masak, …): such
    # gigs rank below CS/admin gigs; tagged in titles like any concept.
    other_roles: Concept | None = None

    def concept_for_pay_model(self, code: str) -> Concept | None:
        return next((c for c in self.phrases.values() if c.hints.get("pay_model") == (code,)), None)

    def all_concepts(self) -> list[Concept]:
        """Every concept with terms, once (the PostgreSQL tagger indexes these)."""
        found = {c.key: c for c in self.phrases.values() if c.terms}
        if self.other_roles is not None:
            found[self.other_roles.key] = self.other_roles
        return list(found.values())


def _validate_hints(key: str, hints: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    checked = {}
    for name, codes in hints.items():
        vocabulary = HINT_VOCABULARIES.get(name)
        if vocabulary is None:
            raise ValueError(f"slang.json concept {key!r}: unknown hint {name!r}")
        unknown = set(codes) - set(vocabulary.values)
        if unknown:
            raise ValueError(f"slang.json concept {key!r}: unknown {name} codes {sorted(unknown)}")
        checked[name] = tuple(codes)
    return checked


def build_dictionary(raw: dict, businesses: dict | None = None, cities: dict | None = None) -> Dictionary:
    """Index the raw JSON; raises ValueError on codes the vocabulary does not know.

    A phrase listed twice keeps its first concept: slang, then business kinds, then cities.
    """
    phrases: dict[tuple[str, ...], Concept] = {}
    for entry in raw["concepts"]:
        concept = Concept(
            key=entry["key"],
            terms=tuple(entry["terms"]),
            hints=_validate_hints(entry["key"], entry.get("hints", {})),
            weight=float(entry.get("weight", 1.0)),
            generic=bool(entry.get("generic", False)),
        )
        for phrase in entry["match"]:
            phrases.setdefault(tuple(normalise_words(phrase)), concept)
    for kind in (businesses or {}).get("kinds", []):
        words = tuple(kind["words"])
        concept = Concept(key=f"business:{kind['key']}", terms=words, weight=BUSINESS_WEIGHT)
        for phrase in words:
            phrases.setdefault(tuple(normalise_words(phrase)), concept)
    city_names: dict[str, tuple[str, ...]] = {}
    for city, aliases in (cities or {}).get("cities", {}).items():
        concept = Concept(key=f"city:{city}", terms=(city,), hints={"city": (city,)}, weight=CITY_WEIGHT)
        city_names[city] = tuple(aliases)
        for alias in (city.lower(), *aliases):
            phrases.setdefault(tuple(normalise_words(alias)), concept)
    stopwords = frozenset(raw["stopwords"])
    only_words = frozenset(raw.get("only_words", []))
    other_roles = None
    if raw.get("other_roles"):
        other_roles = Concept(key="role:other", terms=tuple(raw["other_roles"]))
    known = {word for phrase in phrases for word in phrase} | stopwords | only_words
    known |= {word for term in raw.get("other_roles", []) for word in normalise_words(term)}
    known |= {
        word for concept in phrases.values() for term in concept.terms for word in normalise_words(term)
    }
    return Dictionary(
        phrases=phrases,
        stopwords=stopwords,
        known_words=frozenset(known),
        longest_phrase=max(len(p) for p in phrases),
        cities=city_names,
        only_words=only_words,
        other_roles=other_roles,
    )


def _load(path: Path) -> dict:
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


@cache
def get_dictionary() -> Dictionary:
    return build_dictionary(_load(SLANG_FILE), _load(BUSINESSES_FILE), _load(CITIES_FILE))
