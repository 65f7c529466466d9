"""Text normalisation so one written rule catches the usual disguises.

Scam posts dodge keyword filters with case ("BiAyA"), digits for letters ("b14ya",
"d3posit"), stretched words ("daftaaar"), and spaced-out letters ("b i a y a", "d.e.p.o").
`normalize` undoes those; signal patterns are matched against its output, and the engine
squeezes the patterns the same way so reviewers can write ordinary words in the data file.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import lru_cache
from pathlib import Path

# Digits (and symbols) that stand in for letters when written inside a word.
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})
_LEET_CHARS = "0134573@$"
_LEET_AFTER_LETTER = re.compile(rf"(?<=[a-z])[{re.escape(_LEET_CHARS)}]+")
_LEET_BEFORE_LETTER = re.compile(rf"\b[{re.escape(_LEET_CHARS)}]+(?=[a-z]{{2,}})")
# "50rb", "2jt", "10k", "24jam", "1x24" are amounts and durations, not leetspeak.
# (Starts only at the beginning of a number, so a long digit run stays linear.)
_NUMBER_WITH_UNIT = re.compile(
    r"(?<![\d.,])\d+(?:[.,]\d+)*(?:rb|ribu|k|jt|juta|an|x|jam|hari|th|thn|tahun|bln|mg|%)\b"
)
_ZERO_WIDTH = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad]")
# Letters separated by single spaces, dots, dashes, stars or underscores: "b i a y a", "d.e.p.o".
_SPACED_LETTERS = re.compile(r"\b(?:[a-z][ .\-_*/]){2,}[a-z]\b")
_SEPARATORS = re.compile(r"[ .\-_*/]")
_REPEATS = re.compile(r"([a-z])\1+")
_WHITESPACE = re.compile(r"[ \t\r\f\v]+")
# Possessive "-mu" on the nouns scams ask about: "rekeningmu" -> "rekening kamu".
_POSSESSIVE_MU = re.compile(
    r"\b(rekening|uang|dana|saldo|pribadi|data|ktp|akun|hp|nomor|modal|sendiri|atm|kartu|identitas)mu\b"
)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _ZERO_WIDTH.sub("", text).lower()


def plain(text: str) -> str:
    """Lowercase, compatibility-normalised, accent-free text with tidy spaces (URLs intact)."""
    return _WHITESPACE.sub(" ", _fold(text)).strip()


def _unleet(text: str) -> str:
    protected: dict[str, str] = {}

    def protect(match: re.Match) -> str:
        key = f"\x00{len(protected)}\x00"
        protected[key] = match.group(0)
        return key

    text = _NUMBER_WITH_UNIT.sub(protect, text)
    for _ in range(3):  # "b14ya": each pass converts the digits now sitting next to a letter
        text = _LEET_AFTER_LETTER.sub(lambda m: m.group(0).translate(_LEET), text)
    text = _LEET_BEFORE_LETTER.sub(lambda m: m.group(0).translate(_LEET), text)
    for key, original in protected.items():
        text = text.replace(key, original)
    return text


def squeeze(text: str) -> str:
    """Collapse repeated letters: "daftaaar" -> "daftar", "shopee" -> "shope"."""
    return _REPEATS.sub(r"\1", text)


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[re.Pattern, dict[str, str]]:
    """Chat abbreviations ("cm tf 50rb" -> "cuma transfer 50rb") from signals.toml."""
    with (Path(__file__).with_name("signals.toml")).open("rb") as fh:
        table = tomllib.load(fh).get("abbreviations", {})
    words = sorted(table, key=len, reverse=True)
    pattern = (
        re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b") if words else re.compile("(?!)")
    )
    return pattern, table


def normalize(text: str) -> str:
    """The form signal patterns are matched against."""
    # Join spaced-out letters before tidying spaces: a double space still separates words.
    text = _SPACED_LETTERS.sub(lambda m: _SEPARATORS.sub("", m.group(0)), _fold(text))
    text = _unleet(_WHITESPACE.sub(" ", text).strip())
    text = _POSSESSIVE_MU.sub(r"\1 kamu", text)
    pattern, table = _abbreviations()
    text = pattern.sub(lambda m: table[m.group(1)], text)
    return squeeze(text)


_PATTERN_REPEATS = re.compile(r"(?<!\\)([a-z])\1+")


def squeeze_pattern(pattern: str) -> str:
    """Apply `squeeze` to a regex written by a reviewer, leaving escapes such as `\\bb` alone."""
    return _PATTERN_REPEATS.sub(r"\1", pattern)
