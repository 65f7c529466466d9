"""What the screening needs to know about the rest of the board (read-only queries)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Aggregate, Count, F, FloatField, Max, Q
from django.db.models.functions import Coalesce

from ..models import Gig
from ..vocabulary import GigStatus
from . import fingerprint
from .engine import TEXT_FIELDS, load_rules

PERCENTILE = 0.9
# The board's own figure is trusted down to this share of the reference figure, so a board
# full of low-paid gigs does not flag every ordinary offer.
REFERENCE_FLOOR = 0.5


class Percentile(Aggregate):
    """PostgreSQL percentile_cont(fraction) WITHIN GROUP (ORDER BY expr)."""

    function = "percentile_cont"
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()

    def __init__(self, expression, fraction: float, **extra):
        super().__init__(expression, fraction=float(fraction), **extra)


@dataclass
class Board:
    pay_p90: dict[str, int] = field(default_factory=dict)
    hourly_p90: float | None = None
    # (gig id, employer id, text fingerprint) of posts a moderator turned down.
    rejected: list[tuple[int, int | None, int]] = field(default_factory=list)


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    pos = (len(ordered) - 1) * fraction
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def pay_statistics(params: dict) -> tuple[dict[str, int], float | None]:
    """90th percentile of offered pay per pay model among published gigs, and per hour."""
    published = Gig.objects.published().filter(pay_min__gt=0)
    amount = Coalesce(F("pay_max"), F("pay_min"))
    minimum = params["min_samples"]
    references = params["reference_p90"]
    hourly_reference = params["reference_hourly_p90"]["value"]
    # Per hour by the one estimate (listings/pay.py), only where the gig states its hours.
    hourly = published.filter(Q(hours_per_week__isnull=False) | Q(window_minutes__isnull=False))
    hourly = hourly.filter(pay_estimate_hour__isnull=False).annotate(per_hour=F("pay_estimate_hour"))
    if connection.vendor == "postgresql":
        rows = published.values("pay_model").annotate(n=Count("pk"), p=Percentile(amount, PERCENTILE))
        per_model = {r["pay_model"]: (r["n"], r["p"]) for r in rows}
        agg = hourly.aggregate(n=Count("pk"), p=Percentile("per_hour", PERCENTILE))
        hourly_stat = (agg["n"], agg["p"])
    else:  # SQLite (quick start): same figures computed in Python
        values: dict[str, list[int]] = {}
        for model, value in published.annotate(a=amount).values_list("pay_model", "a"):
            values.setdefault(model, []).append(value)
        per_model = {m: (len(v), _percentile(v, PERCENTILE)) for m, v in values.items()}
        per_hour = list(hourly.values_list("per_hour", flat=True))
        hourly_stat = (len(per_hour), _percentile(per_hour, PERCENTILE) if per_hour else None)
    p90 = {}
    for model, (count, value) in per_model.items():
        if count >= minimum and value and model in references:
            p90[model] = int(max(value, references[model] * REFERENCE_FLOOR))
    hourly_p90 = None
    if hourly_stat[0] >= minimum and hourly_stat[1]:
        hourly_p90 = max(hourly_stat[1], hourly_reference * REFERENCE_FLOOR)
    return p90, hourly_p90


def _turned_down():
    return Gig.objects.filter(
        Q(status__in=[GigStatus.REJECTED, GigStatus.SUSPENDED]) | Q(employer__banned_at__isnull=False)
    )


def rejected_corpus(limit: int) -> list[tuple[int, int | None, int]]:
    """Fingerprints of recently rejected or suspended posts and of posts by banned accounts.

    One query; rows screened before fingerprints were stored get theirs computed here
    (`screen_gigs --all` stores them).
    """
    rows = (
        _turned_down()
        .order_by("-updated_at")
        .values_list("pk", "employer_id", "text_fingerprint", *TEXT_FIELDS)
    )
    corpus = []
    for pk, employer_id, stored, *texts in rows[:limit]:
        value = stored if stored is not None else fingerprint.simhash(*texts)
        if value is not None:
            corpus.append((pk, employer_id, value))
    return corpus


def board_context() -> Board:
    """Everything board-wide the screening compares with; build once per batch (import)."""
    rules = load_rules()
    p90, hourly_p90 = pay_statistics(rules.signal("pay_far_above").params)
    return Board(
        pay_p90=p90,
        hourly_p90=hourly_p90,
        rejected=rejected_corpus(int(rules.settings["rejected_corpus_size"])),
    )


_reusable: tuple[tuple, Board] | None = None


def _board_version() -> tuple:
    """Changes whenever what board_context() reads may have changed (two cheap queries)."""
    rejected = _turned_down()
    published = Gig.objects.published()
    return (
        tuple(rejected.aggregate(n=Count("pk"), last=Max("updated_at")).values()),
        tuple(published.aggregate(n=Count("pk"), last=Max("updated_at")).values()),
    )


def reusable_board_context() -> Board:
    """board_context(), rebuilt only when rejected or published gigs changed (bulk imports)."""
    global _reusable
    version = _board_version()
    if _reusable is None or _reusable[0] != version:
        _reusable = (version, board_context())
    return _reusable[1]
