"""Pay typed into a query ("gaji 2,5 juta", "minimal 2jt", "harian 120rb", "25rb/jam").

`extract_pay(text)` finds one amount with its multiplier (juta/jt, ribu/rb/k), the unit it
implies (per jam / harian / mingguan / per bulan, written next to it or elsewhere in the
query) and a comparison ("minimal", "di atas", "lebih dari" -> at least; "maksimal",
"di bawah" -> at most; a bare amount means at least). It returns the constraint and the text
with the amount removed, so the remaining words are read as usual. The constraint is applied
to the board's one pay estimate (listings/pay.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from ..money import format_rupiah
from ..vocabulary import PAY_UNIT, PayModel

# Units people write, as a pay model (the estimate's per-unit figure).
_UNITS = (
    (PayModel.HOURLY, r"jam|hour|hr|jm"),
    (PayModel.DAILY, r"hari|day|hr?i"),
    (PayModel.WEEKLY, r"minggu|week|mgg|pekan"),
    (PayModel.MONTHLY, r"bulan|bln|month|bl|bulannya"),
)
_UNIT_AFTER = "|".join(f"(?P<u_{code}>{words})" for code, words in _UNITS)
_UNIT_WORDS = (
    (PayModel.HOURLY, re.compile(r"\b(?:per ?jam|perjam|sejam|hourly|per hour|an hour|jam ?jaman)\b")),
    (PayModel.DAILY, re.compile(r"\b(?:harian|per ?hari|perhari|sehari|daily|per day|a day)\b")),
    (PayModel.WEEKLY, re.compile(r"\b(?:mingguan|per ?minggu|perminggu|seminggu|weekly|per week|a week)\b")),
    (PayModel.MONTHLY, re.compile(r"\b(?:bulanan|per ?bulan|perbulan|sebulan|monthly|per month|a month)\b")),
)
_AT_LEAST = (
    r"minimal|minimum|min|mulai|mulai dari|di ?atas|lebih dari|paling sedikit|at least|above|over|from|>=?"
)
_AT_MOST = r"maksimal|maksimum|maks|max|di ?bawah|kurang dari|paling banyak|under|below|up to|<=?"
_AMOUNT_RE = re.compile(
    rf"(?<![a-z0-9])(?:(?P<least>{_AT_LEAST})\s*|(?P<most>{_AT_MOST})\s*)?"
    r"(?:gaji\s*|salary\s*|upah\s*|fee\s*)?(?P<rp>rp\.?\s*|idr\s*)?(?<![a-z0-9.,])"
    r"(?P<number>\d{1,3}(?:\.\d{3})+|\d+(?:[.,]\d+)?)\s*"
    r"(?P<mult>juta|jt|jtan|m|ribu|rebu|rb|k|ratus ribu)?\b"
    rf"(?:\s*(?:(?:/|per|tiap|setiap|sehari|a)\s*|se)(?:{_UNIT_AFTER})\b)?",  # "/jam", "per bulan", "sebulan"
)
MULTIPLIERS = {
    "juta": 1_000_000,
    "jt": 1_000_000,
    "jtan": 1_000_000,
    "m": 1_000_000,
    "ribu": 1_000,
    "rebu": 1_000,
    "rb": 1_000,
    "k": 1_000,
    "ratus ribu": 100_000,
}
# Without a unit, the size of an amount says what it pays for (informal Indonesian pay).
_GUESS_UNIT = ((50_000, PayModel.HOURLY), (400_000, PayModel.DAILY), (1_000_000, PayModel.WEEKLY))


@dataclass(frozen=True)
class PayConstraint:
    """'Pay at least/most `amount` rupiah per `unit`' (unit: hourly/daily/weekly/monthly)."""

    amount: int
    unit: str
    at_most: bool = False

    def label(self) -> str:
        sign = "≤" if self.at_most else "≥"
        return _("Gaji %(sign)s %(amount)s/%(unit)s") % {
            "sign": sign,
            "amount": format_rupiah(self.amount),
            "unit": PAY_UNIT[self.unit],
        }


def _number(text: str) -> float:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        return float(text.replace(".", ""))
    return float(text.replace(",", "."))


def extract_pay(text: str) -> tuple[PayConstraint | None, str]:
    """The first pay amount in lower-cased `text` and the text without it."""
    for match in _AMOUNT_RE.finditer(text):
        mult = match["mult"]
        value = _number(match["number"]) * MULTIPLIERS.get(mult or "", 1)
        if not mult and not match["rp"] and value < 10_000:
            continue  # "24 jam", "2 shift", "senin 5 hari": counts, not rupiah
        if value < 1_000 or value > 1_000_000_000:
            continue
        unit = next((code for code, _words in _UNITS if match[f"u_{code}"]), None)
        rest = text[: match.start()] + " " + text[match.end() :]
        if unit is None:
            # A unit written elsewhere ("sebulan gaji 3jt") belongs to the amount too: it
            # leaves the text with it, so it is neither searched nor "corrected" as a word.
            unit, rest = next(
                ((code, words.sub(" ", rest, count=1)) for code, words in _UNIT_WORDS if words.search(rest)),
                (None, rest),
            )
        if unit is None:
            unit = next((code for ceiling, code in _GUESS_UNIT if value < ceiling), PayModel.MONTHLY)
        return PayConstraint(amount=int(value), unit=unit, at_most=bool(match["most"])), rest
    return None, text
