"""Money is whole rupiah (int); this is the one place that reads and formats it for people.

`parse_rupiah` reads amounts as Indonesians type them — "1.500.000", "Rp 1.500.000",
"1,5 jt", "1.5jt", "75rb", "75 ribu", "75k", "1 jt 250 rb" — and refuses anything it
would have to guess ("15000.50": rupiah have no cents here; "1.5" without a unit).
`RupiahField` is the form field every money input uses (gig form, worker profile, alerts);
search `min_pay` and `import_gigs` call `parse_rupiah` directly.
"""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

UNITS = {
    "rb": 1_000,
    "rbu": 1_000,
    "ribu": 1_000,
    "rebu": 1_000,
    "k": 1_000,
    "jt": 1_000_000,
    "juta": 1_000_000,
    "jeti": 1_000_000,
}
PAY_CEILING = 1_000_000_000  # no CS gig pays a billion rupiah per period
EXAMPLE = _("Tulis jumlah rupiah, misalnya 75.000, 75rb atau 1,5 jt.")

_PREFIX = re.compile(r"^(?:rp\.?|idr)\s*", re.IGNORECASE)
_SUFFIX = re.compile(r"\s*(?:,-|\.-|-)$")
# One "number unit" piece: "1,5 jt", "250rb", "1.500.000".
_PIECE = re.compile(r"(\d[\d.,]*)\s*([a-z]*)")
_GROUPED = re.compile(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*")


class MoneyError(ValueError):
    """The text is not an amount of whole rupiah; `str(error)` says why, in Indonesian."""


def _plain_number(text: str) -> int:
    """A number without a unit: digits, thousands grouped by dots (or commas), optional ,00."""
    if text.isdigit():
        return int(text)
    cents = re.fullmatch(r"(.+?)[.,](\d{1,2})", text)
    if cents and not _GROUPED.fullmatch(text):
        whole, fraction = cents.groups()
        if int(fraction) != 0 and len(whole) <= 3:
            # "1,5" alone: 1.500 or 1.500.000? Only the writer knows.
            message = _("Kurang jelas: %(text)s rb atau %(text)s jt? Tulis lengkap, misalnya 1.500.000.")
            raise MoneyError(message % {"text": text})
        if int(fraction) != 0:
            raise MoneyError(_("Rupiah tidak pakai sen: tulis %(example)s.") % {"example": _dotted(whole)})
        text = whole
        if text.isdigit():
            return int(text)
    if _GROUPED.fullmatch(text):
        return int(re.sub(r"[.,]", "", text))
    raise MoneyError(EXAMPLE)


def _dotted(text: str) -> str:
    return format_number(int(re.sub(r"\D", "", text)))


def _with_unit(number: str, unit: str) -> int:
    """'1,5' or '1.5' with 'jt' -> 1.500.000; the result must be whole rupiah."""
    multiplier = UNITS[unit]
    if re.fullmatch(r"\d+", number):
        return int(number) * multiplier
    if _GROUPED.fullmatch(number):  # "1.500 rb": groups of three are thousands, as elsewhere
        return int(re.sub(r"[.,]", "", number)) * multiplier
    decimal = re.fullmatch(r"(\d+)[.,](\d+)", number)
    if not decimal:
        raise MoneyError(EXAMPLE)
    whole, fraction = decimal.groups()
    scaled = int(whole + fraction) * multiplier
    if scaled % 10 ** len(fraction):
        raise MoneyError(_("Jumlah itu bukan rupiah utuh."))
    return scaled // 10 ** len(fraction)


def parse_rupiah(text: str | int | None) -> int | None:
    """Whole rupiah from what a person typed; None for an empty value; MoneyError otherwise."""
    if text is None:
        return None
    if isinstance(text, int) and not isinstance(text, bool):
        if text < 0:
            raise MoneyError(_("Jumlah tidak boleh negatif."))
        return text
    cleaned = _SUFFIX.sub("", _PREFIX.sub("", str(text).strip().lower())).strip()
    if not cleaned:
        return None
    if cleaned.startswith("-"):
        raise MoneyError(_("Jumlah tidak boleh negatif."))
    pieces = list(_PIECE.finditer(cleaned))
    if not pieces or re.sub(r"\s+", "", _PIECE.sub("", cleaned)):
        raise MoneyError(EXAMPLE)
    total = 0
    for piece in pieces:
        number, unit = piece.groups()
        if unit and unit not in UNITS:
            raise MoneyError(EXAMPLE)
        if not unit and len(pieces) > 1:  # "1jt500": 1.500.000 or 1.000.500?
            raise MoneyError(EXAMPLE)
        total += _with_unit(number, unit) if unit else _plain_number(number)
    return total


def format_rupiah(amount: int | float) -> str:
    """Whole rupiah with Indonesian thousands dots: 1500000 -> 'Rp 1.500.000'."""
    return "Rp " + format_number(amount)


def format_number(amount: int | float) -> str:
    """1500000 -> '1.500.000' (what a money input shows back)."""
    return f"{round(amount):,}".replace(",", ".")


class RupiahInput(forms.TextInput):
    """A text box (people type "1,5 jt"), showing stored amounts as '1.500.000'."""

    def __init__(self, attrs=None):
        defaults = {"autocomplete": "off", "placeholder": _("contoh: 75.000 atau 1,5 jt")}
        super().__init__({**defaults, **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, int) and not isinstance(value, bool):
            return format_number(value)
        return super().format_value(value)


class RupiahField(forms.Field):
    """Whole rupiah typed the Indonesian way; bounds are told in rupiah ("harus ≥ Rp 1.000")."""

    widget = RupiahInput

    def __init__(self, *, min_value: int | None = 0, max_value: int | None = PAY_CEILING, **kwargs):
        kwargs.pop("max_length", None)
        self.min_value, self.max_value = min_value, max_value
        super().__init__(**kwargs)

    def to_python(self, value):
        try:
            return parse_rupiah(value)
        except MoneyError as error:
            raise ValidationError(str(error), code="invalid") from error

    def validate(self, value):
        super().validate(value)
        if value is None:
            return
        # "gaji minimum (Rp)" -> "Gaji minimum harus ≥ Rp 1.000."
        label = str(self.label or _("Jumlah")).replace("(Rp)", "").strip()
        label = label[:1].upper() + label[1:]
        if self.min_value is not None and value < self.min_value:
            message = _("%(label)s harus ≥ %(amount)s.")
            raise ValidationError(
                message % {"label": label, "amount": format_rupiah(self.min_value)}, code="min_value"
            )
        if self.max_value is not None and value > self.max_value:
            message = _("%(label)s harus ≤ %(amount)s.")
            raise ValidationError(
                message % {"label": label, "amount": format_rupiah(self.max_value)}, code="max_value"
            )
