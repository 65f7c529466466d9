"""Word normalisation shared by the dictionary loader and query parsing (one rule for both)."""

from __future__ import annotations

import re
import unicodedata

MAX_WORD_LENGTH = 40
WORD_RE = re.compile(r"[a-z0-9]+")
_REPEATS_RE = re.compile(r"(.)\1{2,}")


def fold(text: str) -> str:
    """Lower case without accents ('Café' -> 'cafe')."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def squeeze_repeats(word: str, known: frozenset[str] = frozenset()) -> str:
    """'adminnnn' -> 'admin', 'shopeeee' -> 'shopee': three or more repeats are emphasis."""
    doubled = _REPEATS_RE.sub(r"\1\1", word)
    if doubled in known or doubled == word:
        return doubled
    single = _REPEATS_RE.sub(r"\1", word)
    return single if single in known else doubled


def normalise_words(text: str) -> list[str]:
    """Lower-case ASCII words; punctuation splits words ('part-time' -> ['part', 'time'])."""
    return [squeeze_repeats(w)[:MAX_WORD_LENGTH] for w in WORD_RE.findall(fold(text))]
