"""Estimated pay: every pay model normalised to rupiah per month and per hour.

Gigs are paid per hour, day, week, month, project or by commission, so "highest pay" only
means something after normalising. The estimate uses the middle of the posted range and
these assumptions (kept deliberately simple and shown to users as "perkiraan"):

- hours per week: the gig's `hours_per_week` when given, else `DEFAULT_HOURS_PER_WEEK`
  for its pay model (hourly and per-project gigs are usually part-time);
- a month has 52/12 weeks; a working day is `HOURS_PER_DAY` hours and a month has
  `DAYS_PER_MONTH` working days (daily pay);
- per-project pay: one project per month;
- commission: the posted amount is the monthly base or typical earnings the owner states;
  real income depends on sales, so these gigs are always flagged as estimates.

The two figures are database-generated columns (`Gig.pay_estimate_month`,
`Gig.pay_estimate_hour`), so `sort=pay` is plain SQL and bulk inserts stay correct.
"""

from django.db.models import BigIntegerField, Case, F, Value, When
from django.db.models.functions import Cast, Coalesce

from .vocabulary import PayModel

HOURS_PER_DAY = 8
DAYS_PER_MONTH = 22
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


def _midpoint():
    low = Cast(F("pay_min"), BigIntegerField())
    return (low + Coalesce(Cast(F("pay_max"), BigIntegerField()), low)) / Value(2)


def _hours_per_week(pay_model: str):
    return Cast(Coalesce(F("hours_per_week"), Value(DEFAULT_HOURS_PER_WEEK[pay_model])), BigIntegerField())


def monthly_estimate_expression():
    """SQL for the estimated rupiah per month (see the module docstring)."""
    mid = _midpoint()
    return Case(
        When(pay_model=PayModel.HOURLY, then=mid * _hours_per_week(PayModel.HOURLY) * Value(52) / Value(12)),
        When(pay_model=PayModel.DAILY, then=mid * Value(DAYS_PER_MONTH)),
        When(pay_model=PayModel.WEEKLY, then=mid * Value(52) / Value(12)),
        default=mid,
        output_field=BigIntegerField(),
    )


def hourly_estimate_expression():
    """SQL for the estimated rupiah per hour (see the module docstring)."""
    mid = _midpoint()

    def per_month_hours(pay_model: str):
        return mid * Value(12) / (_hours_per_week(pay_model) * Value(52))

    return Case(
        When(pay_model=PayModel.HOURLY, then=mid),
        When(pay_model=PayModel.DAILY, then=mid / Value(HOURS_PER_DAY)),
        When(pay_model=PayModel.WEEKLY, then=mid / _hours_per_week(PayModel.WEEKLY)),
        When(pay_model=PayModel.MONTHLY, then=per_month_hours(PayModel.MONTHLY)),
        When(pay_model=PayModel.PER_PROJECT, then=per_month_hours(PayModel.PER_PROJECT)),
        default=per_month_hours(PayModel.COMMISSION),
        output_field=BigIntegerField(),
    )


def is_estimate_only(pay_model: str) -> bool:
    return pay_model in ESTIMATE_ONLY


def per_month(amount: int, pay_model: str) -> int:
    """An amount in `pay_model`'s unit as rupiah per month, by the estimate's assumptions.

    Hourly amounts have no monthly figure without hours: compare them per hour instead.
    """
    if pay_model == PayModel.DAILY:
        return amount * DAYS_PER_MONTH
    if pay_model == PayModel.WEEKLY:
        return amount * 52 // 12
    return amount
