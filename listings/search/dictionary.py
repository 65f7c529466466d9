"""Loads `slang.json`, the one reviewed data file behind query understanding.

The file is validated on load (unknown vocabulary codes fail loudly) and indexed for fast
phrase lookup: `Dictionary.phrases` maps a tuple of words to the concept it names.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..vocabulary import Channel, Duty, PayModel, Schedule, WorkMode

SLANG_FILE = Path(__file__).with_name("slang.json")

# Hint name in slang.json -> the vocabulary those codes must come from.
HINT_VOCABULARIES = {
    "work_mode": WorkMode,
    "schedule": Schedule,
    "pay_model": PayModel,
    "channels": Channel,
    "duties": Duty,
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
    # Free text the dictionary does not know: also matched with trigram similarity on titles.
    fuzzy: bool = False
    negated: bool = False

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


def build_dictionary(raw: dict) -> Dictionary:
    """Index the raw JSON; raises ValueError on codes the vocabulary does not know."""
    from .parsing import normalise_words  # the same normalisation as queries

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
            phrases[tuple(normalise_words(phrase))] = concept
    cities: dict[str, tuple[str, ...]] = {}
    for city, aliases in raw["cities"].items():
        concept = Concept(key=f"city:{city}", terms=(city,), hints={"city": (city,)}, weight=CITY_WEIGHT)
        cities[city] = tuple(aliases)
        for alias in (city.lower(), *aliases):
            phrases[tuple(normalise_words(alias))] = concept
    stopwords = frozenset(raw["stopwords"])
    known = {word for phrase in phrases for word in phrase} | stopwords
    return Dictionary(
        phrases=phrases,
        stopwords=stopwords,
        known_words=frozenset(known),
        longest_phrase=max(len(p) for p in phrases),
        cities=cities,
    )


@cache
def get_dictionary() -> Dictionary:
    with SLANG_FILE.open(encoding="utf-8") as fh:
        return build_dictionary(json.load(fh))


def canonical_city(text: str) -> str:
    """'jogja' -> 'Yogyakarta', 'jaksel' -> 'Jakarta Selatan'; unknown names come back trimmed."""
    from .parsing import normalise_words

    words = tuple(normalise_words(text))
    concept = get_dictionary().phrases.get(words)
    if concept is not None and concept.cities:
        return concept.cities[0]
    return " ".join(text.split())
