"""Text normalisation so one written rule catches the usual disguises.

Scam posts dodge keyword filters with case ("BiAyA"), look-alike letters from other scripts
(Cyrillic "о", small capitals "ᴅᴇᴘᴏ", mathematical bold), digits for letters ("b14ya",
"d3posit"), stretched words ("daftaaar"), spaced-out letters ("b i a y a", "d.e.p.o"),
emoji or symbols inside a word ("de💰posit") and links written "bit[dot]ly". This module is
the one place that undoes them: `plain` (links and numbers intact) and `normalize` (what
word patterns match) both start from `_fold`. The engine squeezes the patterns the same way
so reviewers can write ordinary words in the data file.
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
    # "Rp5.000", "rp175.000", "usd100", "idr50k": a currency written against its amount.
    r"|\b(?:rp|idr|usd|usdt|rm|sgd)\.?\s?\d[\d.,]*(?:rb|ribu|k|jt|juta)?"
)
_ZERO_WIDTH = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad\u034f\u180e]")
# Letters NFKC leaves alone that read as Latin ones: Cyrillic, Greek, small capitals, IPA.
_CONFUSABLES = str.maketrans(
    "аеорсухіјѕԁԛԝӏмнтвкгпьзАВЕКМНОРСТУХІЈЅαβεικνορτυχωΑΒΕΗΙΚΜΝΟΡΤΥΧΖᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡʏᴢɑɡɩʏǀ",
    "aeopcyxijsdqwlmhtbkrnbeABEKMHOPCTYXIJSabeiknoptuxwABEHIKMNOPTYXZabcdefghijklmnopqrstuvwyzagiyl",
)
# "bit[dot]ly", "t(.)me", "wa [titik] me": a dot written out so a link filter misses it.
_WRITTEN_DOT = re.compile(
    r"\s?[\[({<]\s?(?:dot|titik|\.)\s?[\])}>]\s?|\s(?:dot|titik)\s(?=(?:com|id|me|ly|link|net|org|co|io|xyz|apk)\b)"
)
_SYMBOL_BULLET = re.compile(
    r"(?:(?<=\s)|^)[\u2190-\u2bff\U0001f000-\U0001faff\ufe0f\u200d]+(?=\s|$)", re.MULTILINE
)
# Emoji and other symbols: dropped inside a word ("de💰posit"), a space elsewhere.
_SYMBOL_IN_WORD = re.compile(r"(?<=[^\W\d_])[^\w\s.,;:!?()\[\]/@+&%'\"-]+(?=[^\W\d_])")
# Letters separated by single spaces, dots, dashes, stars or underscores: "b i a y a", "d.e.p.o".
# One separator per run, so "b.i.a.y.a a-k-t-i-f" stays two words.
_SPACED_LETTERS = re.compile(r"\b[a-z]([ .\-_*/+~·•|])[a-z](?:\1[a-z])+\b")
_SEPARATORS = re.compile(r"[ .\-_*/+~·•|]")
# "75.OOO": letter O written for zeros in an amount.
_LETTER_ZEROS = re.compile(r"(?<=\d[.,])[oO]{3}\b")
_REPEATS = re.compile(r"([a-z])\1+")
_WHITESPACE = re.compile(r"[ \t\r\f\v]+")
# Possessive "-mu" on the nouns scams ask about: "rekeningmu" -> "rekening kamu".
_POSSESSIVE_MU = re.compile(
    r"\b(rekening|uang|dana|saldo|pribadi|data|ktp|akun|hp|nomor|modal|sendiri|atm|kartu|identitas|rumah|"
    r"alamat|nama|wajah|foto)mu\b"
)


def _is_symbol(char: str) -> bool:
    return unicodedata.category(char) in {"So", "Sk", "Cn", "Co"}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").translate(_CONFUSABLES)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = _ZERO_WIDTH.sub("", text)
    text = _SYMBOL_IN_WORD.sub(lambda m: "" if all(_is_symbol(c) for c in m.group(0)) else m.group(0), text)
    # An emoji standing between words is a bullet ("✅ gaji 2jt ✅ setor 200rb"): a line break.
    text = _SYMBOL_BULLET.sub("\n", text)
    text = "".join(" " if _is_symbol(c) else c for c in text)
    text = _LETTER_ZEROS.sub("000", text)
    return _WRITTEN_DOT.sub(".", text.lower())


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
