"""Is the offered pay far above what the hours and the board's own gigs justify?

Looks at the structured pay and at pay promised in the text ("gaji 300rb/hari, kerja 2 jam
sehari"), turns both into amounts per pay model and, when hours are known, per hour, and
compares them with the board's 90th percentile (or the reference figures in signals.toml
while the board has too few gigs of that pay model).
"""

from __future__ import annotations

import re

from ..pay import DEFAULT_DAYS_PER_WEEK, estimate
from .normalize import squeeze_pattern

_HOURLY_MODELS = ("hourly", "daily", "weekly", "monthly")

_UNIT_MULTIPLIER = {"rb": 1_000, "ribu": 1_000, "k": 1_000, "jt": 1_000_000, "juta": 1_000_000}
_PERIOD_MODEL = {"jam": "hourly", "hari": "daily", "mingu": "weekly", "pekan": "weekly", "bulan": "monthly"}
_PERIOD_MODEL.update(bln="monthly", harian="daily", minguan="weekly", bulanan="monthly")

_AMOUNT = r"(?:rp\.?\s?)?(\d[\d.,]*)\s?(rb|ribu|k|jt|juta)?"
_PAY_CLAIM = re.compile(
    squeeze_pattern(
        r"\b(?:gaji|penghasilan|income|pendapatan|bayaran|upah|fee|honor|cuan|profit|dapat|dapatkan|"
        r"menghasilkan|hasilkan|hasil|dibayar|untung|keuntungan)\b[^.\n]{0,25}?"
        + _AMOUNT
        + r"(?:\s?(?:-|s/?d|sampai|hingga|sampe|~|–)\s?"
        + _AMOUNT
        + r")?\s?(?:/|per|se|tiap|setiap|dalam)?\s?(?:1\s)?(jam|hari|minggu|pekan|bulan|bln)\b"
    )
)
# "penghasilan harian 150rb-1,5jt": the period comes before the amount.
_PAY_CLAIM_PERIOD_FIRST = re.compile(
    squeeze_pattern(
        r"\b(?:gaji|penghasilan|income|pendapatan|bayaran|upah|fee|honor|cuan|profit|hasil|untung)\s"
        r"(?:per\s|/\s?|se|tiap\s|setiap\s)?(jam|hari|harian|minggu|mingguan|pekan|bulan|bulanan)\b"
        r"[^.\n]{0,12}?" + _AMOUNT + r"(?:\s?(?:-|s/?d|sampai|hingga|sampe|~|–)\s?" + _AMOUNT + r")?"
    )
)
_HOURS_PER_DAY = re.compile(
    r"\b(\d{1,2})\s?(?:(?:-|s/?d|sampai|hingga|~)\s?(\d{1,2})\s?)?jam\s?(?:kerja\s)?(?:/|per|se|tiap|setiap)\s?hari"
)


def parse_amount(number: str, unit: str | None) -> int | None:
    """'1.500.000' -> 1500000, '1,5' + 'jt' -> 1500000, '150' + 'rb' -> 150000."""
    if unit:
        try:
            value = float(number.replace(".", "").replace(",", ".")) if "," in number else float(number)
        except ValueError:
            return None
        return int(value * _UNIT_MULTIPLIER[unit])
    digits = re.sub(r"[.,]", "", number)
    if not digits.isdigit():
        return None
    value = int(digits)
    return value if value >= 1000 else None


def _claim(period: str, low_num: str, low_unit, high_num, high_unit):
    unit = high_unit or low_unit
    amounts = [parse_amount(low_num, low_unit or unit)]
    if high_num:
        amounts.append(parse_amount(high_num, unit))
    amounts = [a for a in amounts if a]
    return (_PERIOD_MODEL[period], max(amounts)) if amounts else None


def text_pay_claims(text: str) -> list[tuple[str, int, str]]:
    """(pay model, amount, matched text) for every pay promise written in the text."""
    claims = []
    for m in _PAY_CLAIM.finditer(text):
        low_num, low_unit, high_num, high_unit, period = m.groups()
        found = _claim(period, low_num, low_unit, high_num, high_unit)
        if found:
            claims.append((*found, m.group(0)))
    for m in _PAY_CLAIM_PERIOD_FIRST.finditer(text):
        found = _claim(*m.groups())
        if found:
            claims.append((*found, m.group(0)))
    return claims


def hours_per_day_in(text: str) -> int | None:
    found = [int(b or a) for a, b in _HOURS_PER_DAY.findall(text)]
    found = [h for h in found if 0 < h <= 24]
    return max(found) if found else None


def hourly_equivalent(model: str, amount: int, hours_per_week: int | None, hours_per_day: int | None):
    """Rupiah per hour by the board's one estimate (`listings.pay`); None when hours are unknown."""
    if model not in _HOURLY_MODELS or (model != "hourly" and not (hours_per_week or hours_per_day)):
        return None
    days = minutes = None
    if hours_per_day:  # "kerja 2 jam sehari": as many such days as the weekly hours allow
        days = DEFAULT_DAYS_PER_WEEK
        if hours_per_week:
            days = min(7, max(1, round(hours_per_week / hours_per_day)))
        minutes = days * hours_per_day * 60
    return estimate(
        pay_model=model,
        pay_min=amount,
        hours_per_week=hours_per_week,
        window_days=days,
        window_minutes=minutes,
    ).hour


def pay_outlier_ratio(subject, board, params: dict) -> tuple[float, str, dict] | None:
    """The largest (offered / typical) ratio found, with the evidence, or None.

    The evidence is the employer's words for pay promised in the text; the figures (the
    form's pay model and amount, the hourly equivalent) travel as codes and numbers, so the
    moderator reads "Harian Rp 500.000 ≈ Rp 62.500/jam" or "Daily … /hour" in their language."""
    references = params["reference_p90"]
    p90 = dict(references)
    if board is not None:
        p90.update(board.pay_p90)
    hourly_p90 = (board.hourly_p90 if board is not None else None) or params["reference_hourly_p90"]["value"]
    day_hours = hours_per_day_in(subject.normalized)

    offers: list[tuple[str, int, str, dict]] = []
    if subject.pay_model and subject.pay_min:
        amount = max(subject.pay_min, subject.pay_max or 0)
        offers.append((subject.pay_model, amount, "", {"pay_model": subject.pay_model, "amount": amount}))
    offers += [(model, amount, text, {}) for model, amount, text in text_pay_claims(subject.normalized)]

    best: tuple[float, str, dict] | None = None
    for model, amount, evidence, figures in offers:
        candidates = []
        if p90.get(model):
            candidates.append(amount / p90[model])
        per_hour = hourly_equivalent(model, amount, subject.hours_per_week, day_hours)
        if per_hour:
            candidates.append(per_hour / hourly_p90)
            figures = {**figures, "per_hour": per_hour}
        if candidates and (best is None or max(candidates) > best[0]):
            best = (max(candidates), evidence, figures)
    return best
