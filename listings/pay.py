"""Estimated pay: every pay model normalised to rupiah per month and per hour — the one truth.

Gigs are paid per hour, day, week, month, project or by commission, so "highest pay" only
means something after normalising. Each formula below is written once, as a small
expression tree (`_FORMULAS`), and turned into both

- SQL (`monthly_estimate_expression()`, `hourly_estimate_expression()`): the database-generated
  columns `Gig.pay_estimate_month` / `Gig.pay_estimate_hour` behind `sort=pay`, `min_pay` and
  alerts, and
- Python (`estimate()`, `gig_estimate()`): cards, the gig page, the workload box, screening
  and JSON-LD,

so the two can never disagree (tests/listings/test_pay.py holds them to one table of cases).

Assumptions (shown to users as "perkiraan" with a one-line explanation):

- the amount is the middle of the posted range; the low and high ends give the range;
- hours per week: the gig's weekly time windows when given, else `hours_per_week`, else
  `DEFAULT_HOURS_PER_WEEK` for its pay model;
- working days per week (daily pay): the number of distinct days in the time windows when
  given; otherwise days of at least `MIN_HOURS_PER_DAY` hours, at most
  `DEFAULT_DAYS_PER_WEEK` (20 jam/minggu → 5 days of 4 hours; 8 jam/minggu → 3 days);
- a month has 52/12 weeks;
- commission: the posted amount is a monthly base; the commission itself depends on sales,
  so there is no hourly figure, and with no base there is no figure at all ("tergantung
  penjualan");
- per project: no period is known, so no monthly or hourly figure — the card shows the
  posted range per project.

Amounts are whole rupiah; every division truncates (SQL integer division), in Python too.
Weekly windows live in their own table, so the gig row carries two derived columns
(`window_days`, `window_minutes`, see `listings.schedule.window_inputs`), written by the gig services
whenever the windows change.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import BigIntegerField, Case, F, Value, When
from django.db.models.functions import Cast, Coalesce, Least, NullIf
from django.utils.translation import gettext as _

from .money import format_rupiah
from .vocabulary import PayModel

WEEKS_PER_YEAR = 52
MONTHS_PER_YEAR = 12
DEFAULT_DAYS_PER_WEEK = 5
MIN_HOURS_PER_DAY = 3
DEFAULT_HOURS_PER_WEEK = {
    PayModel.HOURLY: 20,
    PayModel.DAILY: 40,
    PayModel.WEEKLY: 40,
    PayModel.MONTHLY: 40,
    PayModel.PER_PROJECT: 20,
    PayModel.COMMISSION: 40,
}
# Pay models whose figure is a guess rather than a promise.
ESTIMATE_ONLY = frozenset({PayModel.COMMISSION, PayModel.PER_PROJECT})

# The gig columns a formula reads.
INPUT_FIELDS = ("pay_min", "pay_max", "hours_per_week", "window_days", "window_minutes")


# --- A tiny expression language: one definition, two evaluators -------------------------


class _Term:
    def __mul__(self, other):
        return _Op("*", self, _term(other))

    def __floordiv__(self, other):
        return _Op("/", self, _term(other))

    def __add__(self, other):
        return _Op("+", self, _term(other))


def _term(value) -> _Term:
    return value if isinstance(value, _Term) else _Const(value)


class _Const(_Term):
    def __init__(self, value: int):
        self.value = value

    def py(self, env: dict):
        return self.value

    def sql(self):
        return Value(self.value, output_field=BigIntegerField())


class _Field(_Term):
    def __init__(self, name: str):
        self.name = name

    def py(self, env: dict):
        return env[self.name]

    def sql(self):
        return Cast(F(self.name), BigIntegerField())


class _Op(_Term):
    def __init__(self, op: str, left: _Term, right: _Term):
        self.op, self.left, self.right = op, left, right

    def py(self, env: dict):
        a, b = self.left.py(env), self.right.py(env)
        if a is None or b is None:
            return None
        if self.op == "*":
            return a * b
        if self.op == "+":
            return a + b
        return a // b  # operands are never negative: floor division is SQL's truncation

    def sql(self):
        a, b = self.left.sql(), self.right.sql()
        if self.op == "*":
            return a * b
        if self.op == "+":
            return a + b
        return a / b


class _Coalesce(_Term):
    def __init__(self, *terms):
        self.terms = [_term(t) for t in terms]

    def py(self, env: dict):
        return next((v for v in (t.py(env) for t in self.terms) if v is not None), None)

    def sql(self):
        return Coalesce(*(t.sql() for t in self.terms), output_field=BigIntegerField())


class _Least(_Term):
    def __init__(self, *terms):
        self.terms = [_term(t) for t in terms]

    def py(self, env: dict):
        values = [t.py(env) for t in self.terms]
        return None if None in values else min(values)

    def sql(self):
        return Least(*(t.sql() for t in self.terms), output_field=BigIntegerField())


class _NullIfZero(_Term):
    def __init__(self, term: _Term):
        self.term = term

    def py(self, env: dict):
        value = self.term.py(env)
        return None if value == 0 else value

    def sql(self):
        return NullIf(self.term.sql(), Value(0, output_field=BigIntegerField()))


_NULL = _Const(None)

# Twice the midpoint of the range (halved at the end of each formula, to keep precision).
_SUM = _Field("pay_min") + _Coalesce(_Field("pay_max"), _Field("pay_min"))


def _week_minutes(pay_model: str) -> _Term:
    return _Coalesce(
        _Field("window_minutes"), _Field("hours_per_week") * 60, DEFAULT_HOURS_PER_WEEK[pay_model] * 60
    )


# Days of at least MIN_HOURS_PER_DAY hours, at most DEFAULT_DAYS_PER_WEEK (ceiling division).
_DAYS = _Coalesce(
    _Field("window_days"),
    _Least((_Field("hours_per_week") + (MIN_HOURS_PER_DAY - 1)) // MIN_HOURS_PER_DAY, DEFAULT_DAYS_PER_WEEK),
    DEFAULT_DAYS_PER_WEEK,
)
_Y, _M = WEEKS_PER_YEAR, MONTHS_PER_YEAR

# pay model -> (rupiah per month, rupiah per hour); `_SUM` is twice the amount.
_FORMULAS: dict[str, tuple[_Term, _Term]] = {
    PayModel.HOURLY: (_SUM * _week_minutes(PayModel.HOURLY) * _Y // (2 * 60 * _M), _SUM // 2),
    PayModel.DAILY: (
        _SUM * _DAYS * _Y // (2 * _M),
        _SUM * _DAYS * 60 // (_week_minutes(PayModel.DAILY) * 2),
    ),
    PayModel.WEEKLY: (_SUM * _Y // (2 * _M), _SUM * 60 // (_week_minutes(PayModel.WEEKLY) * 2)),
    PayModel.MONTHLY: (
        _SUM // 2,
        _SUM * _M * 60 // (_week_minutes(PayModel.MONTHLY) * _Y * 2),
    ),
    PayModel.COMMISSION: (_NullIfZero(_SUM) // 2, _NULL),
    PayModel.PER_PROJECT: (_NULL, _NULL),
}


def _case(index: int):
    return Case(
        *(When(pay_model=model, then=formulas[index].sql()) for model, formulas in _FORMULAS.items()),
        default=Value(None, output_field=BigIntegerField()),
        output_field=BigIntegerField(),
    )


def monthly_estimate_expression():
    """SQL for the estimated rupiah per month (NULL when it can't honestly be told)."""
    return _case(0)


def hourly_estimate_expression():
    """SQL for the estimated rupiah per hour (NULL when it can't honestly be told)."""
    return _case(1)


# --- Python side ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PayEstimate:
    """Rupiah per month and per hour (None = can't be told) with the range and how it was made."""

    pay_model: str
    month: int | None
    hour: int | None
    month_low: int | None
    month_high: int | None
    hour_low: int | None
    hour_high: int | None
    explanation: str

    @property
    def is_guess(self) -> bool:
        return self.pay_model in ESTIMATE_ONLY

    @property
    def depends_on_sales(self) -> bool:
        return self.pay_model == PayModel.COMMISSION

    @property
    def is_range(self) -> bool:
        return self.month_low != self.month_high

    def summary(self) -> str:
        """One line for cards and the gig page: '≈ Rp 1.733.333/bulan · Rp 20.000/jam'."""
        if self.pay_model == PayModel.COMMISSION:
            if self.month is None:
                return _("Penghasilan tergantung penjualan")
            return _("Mulai %(amount)s/bulan + komisi (tergantung penjualan)") % {
                "amount": format_rupiah(self.month)
            }
        if self.pay_model == PayModel.PER_PROJECT or self.month is None:
            return _("Dibayar per proyek; penghasilan per bulan tergantung jumlah proyek")
        month = format_rupiah(self.month_low)
        hour = format_rupiah(self.hour_low)
        if self.is_range:
            month = f"{month} – {format_rupiah(self.month_high)}"
            hour = f"{hour} – {format_rupiah(self.hour_high)}"
        return _("≈ %(month)s/bulan · %(hour)s/jam") % {"month": month, "hour": hour}


def _evaluate(pay_model: str, env: dict) -> tuple[int | None, int | None]:
    month, hour = _FORMULAS[pay_model]
    return month.py(env), hour.py(env)


def _explain(pay_model: str, env: dict) -> str:
    """How the figure was made, in one short line (the assumptions actually used)."""
    if pay_model == PayModel.PER_PROJECT:
        return _("Lama satu proyek tidak diketahui, jadi tidak ada perkiraan per bulan atau per jam.")
    if pay_model == PayModel.COMMISSION:
        if not env["pay_min"]:
            return _("Tanpa gaji pokok: penghasilan hanya dari komisi, tergantung penjualan.")
        return _("Gaji pokok per bulan; komisi tergantung penjualan, jadi tidak dihitung per jam.")
    minutes = _week_minutes(pay_model).py(env)
    hours = f"{minutes / 60:g}".replace(".", ",")
    if env["window_minutes"] is not None:
        hours_text = _("%(hours)s jam/minggu dari jam kerja yang dicantumkan") % {"hours": hours}
    elif env["hours_per_week"] is not None:
        hours_text = _("%(hours)s jam/minggu") % {"hours": hours}
    else:
        hours_text = _("dianggap %(hours)s jam/minggu (jam kerja tidak diisi)") % {"hours": hours}
    weeks = _("1 bulan = 52/12 minggu")
    if pay_model == PayModel.DAILY:
        days = _DAYS.py(env)
        if env["window_days"] is not None:
            days_text = _("%(days)s hari kerja/minggu dari jam kerja") % {"days": days}
        else:
            days_text = _("dianggap %(days)s hari kerja/minggu") % {"days": days}
        return f"{days_text}, {hours_text}, {weeks}."
    return f"{hours_text}, {weeks}."


def estimate(
    *,
    pay_model: str,
    pay_min: int,
    pay_max: int | None = None,
    hours_per_week: int | None = None,
    window_days: int | None = None,
    window_minutes: int | None = None,
) -> PayEstimate:
    """The estimate for these inputs; e.g. for pay typed into a search query:

    >>> estimate(pay_model="daily", pay_min=80_000, hours_per_week=20).month
    1733333

    `window_days` / `window_minutes` describe the weekly time windows
    (see `listings.schedule.window_inputs`).
    """
    env = {
        "pay_min": pay_min or 0,
        "pay_max": pay_max,
        "hours_per_week": hours_per_week,
        "window_days": window_days,
        "window_minutes": window_minutes,
    }
    month, hour = _evaluate(pay_model, env)
    month_low, hour_low = _evaluate(pay_model, {**env, "pay_max": env["pay_min"]})
    top = pay_max if pay_max is not None else env["pay_min"]
    month_high, hour_high = _evaluate(pay_model, {**env, "pay_min": top, "pay_max": top})
    return PayEstimate(
        pay_model=pay_model,
        month=month,
        hour=hour,
        month_low=month_low,
        month_high=month_high,
        hour_low=hour_low,
        hour_high=hour_high,
        explanation=_explain(pay_model, env),
    )


def gig_estimate(gig) -> PayEstimate:
    """The estimate for a gig (saved or not) from its own columns — what the SQL columns hold."""
    return estimate(pay_model=gig.pay_model, **{name: getattr(gig, name) for name in INPUT_FIELDS})


def is_estimate_only(pay_model: str) -> bool:
    return pay_model in ESTIMATE_ONLY


def per_month(amount: int, pay_model: str) -> int:
    """An amount in `pay_model`'s unit as rupiah per month, by the estimate's assumptions.

    Hourly amounts have no monthly figure without hours: compare them per hour instead.
    """
    if pay_model == PayModel.DAILY:
        return amount * DEFAULT_DAYS_PER_WEEK * WEEKS_PER_YEAR // MONTHS_PER_YEAR
    if pay_model == PayModel.WEEKLY:
        return amount * WEEKS_PER_YEAR // MONTHS_PER_YEAR
    return amount
