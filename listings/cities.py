"""City names as people write them, reduced to one canonical name (`cities.json`).

Used when a gig is saved (so "Jogja", "Kota Bandung" and "Kab. Sleman" are stored as the
city a search filter asks for) and by search, which reads city names in queries the same way.
Kept below both `models` and `search` so either can use it without an import cycle.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path

CITIES_FILE = Path(__file__).with_name("cities.json")
_WORD_RE = re.compile(r"[a-z0-9]+")
# Administrative words around a name: "Kota Bandung", "Kab. Sleman", "Bandung, Jawa Barat".
_PREFIXES = ("kota", "kab", "kabupaten", "kotamadya", "kodya", "city", "of")
_PROVINCE_TAIL = re.compile(
    r",\s*(?:(?:prov(?:insi)?\.?\s*)?(?:jawa|jatim|jateng|jabar|sumatera|sumatra|sumut|sumbar|sumsel|kalimantan"
    r"|sulawesi|bali|banten|di\s*yogyakarta|diy|dki(?:\s*jakarta)?|riau|kepri|nusa|ntb|ntt|papua|maluku"
    r"|lampung|aceh|jambi|bengkulu|gorontalo|indonesia)\b.*)$",
    re.IGNORECASE,
)


def city_words(text: str) -> tuple[str, ...]:
    """Lower-case ASCII words of a city name, accents and punctuation dropped."""
    folded = unicodedata.normalize("NFKD", (text or "").lower())
    return tuple(_WORD_RE.findall("".join(ch for ch in folded if not unicodedata.combining(ch))))


@cache
def city_aliases() -> dict[tuple[str, ...], str]:
    """Alias words -> canonical city, from `cities.json` (each canonical name is its own alias)."""
    with CITIES_FILE.open(encoding="utf-8") as fh:
        raw = json.load(fh)["cities"]
    aliases: dict[tuple[str, ...], str] = {}
    for city, names in raw.items():
        for name in (city, *names):
            aliases.setdefault(city_words(name), city)
    return aliases


def canonical_city(text: str) -> str:
    """'jogja' -> 'Yogyakarta', 'Kota Bandung' -> 'Bandung', 'jaksel' -> 'Jakarta Selatan'.

    Unknown names come back trimmed, with single spaces and their administrative prefix
    kept ("Kota Baru" is a city of its own): only known cities are rewritten.
    """
    cleaned = " ".join((text or "").split())
    aliases = city_aliases()
    words = city_words(_PROVINCE_TAIL.sub("", cleaned))
    while words:
        if words in aliases:
            return aliases[words]
        if words[0] not in _PREFIXES:
            break
        words = words[1:]
    return cleaned


@cache
def known_cities() -> frozenset[str]:
    """The canonical names of `cities.json`."""
    return frozenset(city_aliases().values())


@cache
def has_known_parts(city: str) -> bool:
    """Whether some known city is a part of `city` ("Jakarta" -> "Jakarta Selatan"); a
    search for a city without parts can then be one equality (an ordered index scan)."""
    prefix = f"{city.lower()} "
    return any(name.lower().startswith(prefix) for name in known_cities())
