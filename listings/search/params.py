"""Validation of search parameters, shared by the web page, the API, feeds and alerts.

`clean_search_params` accepts loosely typed input (a dict of strings or lists, e.g. from a
query string or a saved alert) and returns a normalised dict, or raises `ValidationError`
with one clear Indonesian message per bad field.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..money import PAY_CEILING, MoneyError, format_rupiah, parse_rupiah
from ..vocabulary import Channel, Duty, PayModel, Schedule, WorkMode

MAX_QUERY_LENGTH = 200


class Sort(models.TextChoices):
    RELEVANCE = "relevance", gettext_lazy("Paling cocok")
    NEWEST = "newest", gettext_lazy("Terbaru")
    PAY = "pay", gettext_lazy("Gaji tertinggi (perkiraan)")


LIST_PARAMS = {"channel": Channel, "duty": Duty, "schedule": Schedule}
CHOICE_PARAMS = {"pay_model": PayModel, "work_mode": WorkMode, "sort": Sort}
# The structured filters: with any of them set, the query's words rank and never filter.
FILTER_NAMES = ("pay_model", "work_mode", "channel", "duty", "city", "min_pay", "schedule")
PARAM_NAMES = ("q", "pay_model", "work_mode", "channel", "duty", "city", "min_pay", "schedule", "sort")


def _as_list(value: Any) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list | tuple | set | frozenset):
        return [str(v).strip() for v in value if str(v).strip()]
    return [str(value)]


def _as_text(value: Any) -> str:
    if isinstance(value, list | tuple):
        value = value[-1] if value else ""
    return "" if value is None else str(value).strip()


def clean_search_params(params: Mapping[str, Any] | None) -> dict[str, Any]:
    """Normalise search parameters; raises ValidationError({field: message}) on bad values."""
    params = params or {}
    errors: dict[str, str] = {}
    cleaned: dict[str, Any] = {}

    q = _as_text(params.get("q"))
    if len(q) > MAX_QUERY_LENGTH:
        errors["q"] = _("Kata kunci terlalu panjang (maksimal %(n)d karakter).") % {"n": MAX_QUERY_LENGTH}
    cleaned["q"] = q.replace("\x00", "")

    for name, choices in CHOICE_PARAMS.items():
        value = _as_text(params.get(name))
        if value and value not in choices.values:
            errors[name] = _("Pilihan “%(value)s” tidak dikenal. Pilihan yang ada: %(choices)s.") % {
                "value": value[:40],
                "choices": ", ".join(choices.values),
            }
        cleaned[name] = value

    for name, choices in LIST_PARAMS.items():
        values = _as_list(params.get(name))
        unknown = [v for v in values if v not in choices.values]
        if unknown:
            errors[name] = _("Pilihan “%(value)s” tidak dikenal. Pilihan yang ada: %(choices)s.") % {
                "value": unknown[0][:40],
                "choices": ", ".join(choices.values),
            }
        cleaned[name] = list(dict.fromkeys(values))

    city = _as_text(params.get("city"))
    if len(city) > 80:
        errors["city"] = _("Nama kota terlalu panjang.")
    cleaned["city"] = city

    min_pay = params.get("min_pay")
    cleaned["min_pay"] = None
    if isinstance(min_pay, list | tuple):
        min_pay = min_pay[-1] if min_pay else None
    if min_pay not in (None, ""):
        try:
            amount = parse_rupiah(min_pay)
        except MoneyError as error:
            errors["min_pay"] = str(error)
        else:
            if amount is not None and amount > PAY_CEILING:
                message = _("Gaji minimal harus ≤ %(amount)s.")
                errors["min_pay"] = message % {"amount": format_rupiah(PAY_CEILING)}
            else:
                cleaned["min_pay"] = amount

    if errors:
        raise ValidationError(errors)
    return cleaned
