"""Read-side of pay insights: the `/gaji/` overview and the note on each gig card."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Q
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from ..models import Gig, PayInsight
from ..vocabulary import Channel, Duty, PayModel, WorkMode

Dimension = PayInsight.Dimension

# Sections of the overview, in page order, with how many groups each shows at most.
SECTIONS = (
    (Dimension.ALL, _("Per sistem gaji"), None),
    (Dimension.WORK_MODE, _("Per lokasi kerja"), None),
    (Dimension.CITY, _("Per kota"), 15),
    (Dimension.CHANNEL, _("Per channel"), None),
    (Dimension.DUTY, _("Per tugas"), None),
)
_LABELS = {Dimension.WORK_MODE: WorkMode, Dimension.CHANNEL: Channel, Dimension.DUTY: Duty}

BENCHMARK_CACHE_KEY = "pay-insights:benchmarks"
BENCHMARK_CACHE_SECONDS = 600


@dataclass(frozen=True)
class InsightRow:
    label: str
    sample_size: int
    p25: int
    median: int
    p75: int
    # Positions on a 0–100 scale shared by the rows of one section (for the SVG bars).
    x25: float = 0
    x50: float = 0
    x75: float = 0

    @property
    def range_width(self) -> float:
        return round(self.x75 - self.x25, 1)


@dataclass(frozen=True)
class Section:
    dimension: str
    title: str
    rows: list[InsightRow]
    scale_max: int


@dataclass(frozen=True)
class PayNote:
    """'Gaji wajar untuk lowongan ini?' on a card: how the gig compares with its peers."""

    verdict: str  # "below" | "typical" | "above"
    text: str
    peers: str
    median: int
    sample_size: int
    url: str


def _label(dimension: str, value: str, pay_model: str) -> str:
    if dimension == Dimension.ALL:
        return str(PayModel(pay_model).label) if pay_model else str(_("Semua sistem gaji"))
    if dimension == Dimension.CITY:
        return value.title()
    choices = _LABELS[dimension]
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def pay_insight_overview(*, pay_model: str = "") -> dict:
    """The figures of `/gaji/`, for all pay models together or for one: a few hundred rows
    at most from the precomputed table (one query), arranged in sections with bar positions."""
    rows = list(
        PayInsight.objects.filter(Q(dimension=Dimension.ALL) | Q(pay_model=pay_model)).order_by(
            "-sample_size", "value"
        )
    )
    computed_at = max((row.computed_at for row in rows), default=None)
    by_dimension: dict[str, list[PayInsight]] = {}
    for row in rows:
        by_dimension.setdefault(row.dimension, []).append(row)
    sections = []
    for dimension, title, limit in SECTIONS:
        chosen = by_dimension.get(dimension, [])[:limit]
        if dimension == Dimension.ALL:
            chosen.sort(key=lambda r: (r.pay_model != "", -r.median))
        else:
            chosen.sort(key=lambda r: -r.median)
        if not chosen:
            continue
        scale = max(r.p75 for r in chosen) or 1
        sections.append(
            Section(
                dimension=dimension,
                title=str(title),
                scale_max=scale,
                rows=[
                    InsightRow(
                        label=_label(r.dimension, r.value, r.pay_model),
                        sample_size=r.sample_size,
                        # Estimates: whole thousands read better than "Rp 1.733.333".
                        p25=round(r.p25, -3),
                        median=round(r.median, -3),
                        p75=round(r.p75, -3),
                        x25=round(100 * r.p25 / scale, 1),
                        x50=round(100 * r.median / scale, 1),
                        x75=round(100 * r.p75 / scale, 1),
                    )
                    for r in chosen
                ],
            )
        )
    return {"sections": sections, "computed_at": computed_at}


Benchmarks = dict[tuple[str, str, str], tuple[int, int, int, int]]


def pay_benchmarks() -> Benchmarks:
    """Peer figures by (dimension, value, pay_model) for the card note: per pay model, per
    pay model and city, per pay model and work mode. Cached (the table changes hourly); a
    page reads them once for all its cards (see templatetags/pay_insights.py)."""
    data = cache.get(BENCHMARK_CACHE_KEY)
    if data is None:
        data = {
            (d, v, pm): (n, p25, med, p75)
            for d, v, pm, n, p25, med, p75 in PayInsight.objects.filter(
                dimension__in=[Dimension.ALL, Dimension.CITY, Dimension.WORK_MODE]
            )
            .exclude(pay_model="")
            .values_list("dimension", "value", "pay_model", "sample_size", "p25", "median", "p75")
        }
        cache.set(BENCHMARK_CACHE_KEY, data, BENCHMARK_CACHE_SECONDS)
    return data


def gig_pay_note(gig: Gig, *, benchmarks: Benchmarks) -> PayNote | None:
    """Compare the gig's estimated monthly pay with gigs like it: same pay model in the same
    city (or WFH), else the same pay model anywhere. None when no group has enough gigs."""
    pay = gig.pay_estimate_month
    if not pay or pay <= 0:
        return None
    pay_label = str(PayModel(gig.pay_model).label).lower()
    if gig.work_mode == WorkMode.REMOTE:
        local = ((Dimension.WORK_MODE, WorkMode.REMOTE, gig.pay_model), _("%(pay)s WFH"))
    else:
        city = gig.city.strip().lower()
        local = ((Dimension.CITY, city, gig.pay_model), _("%(pay)s di %(city)s"))
    found = next(
        (
            (benchmarks[key], peers_text)
            for key, peers_text in (local, ((Dimension.ALL, "", gig.pay_model), _("%(pay)s")))
            if key in benchmarks
        ),
        None,
    )
    if found is None:
        return None
    (n, p25, median, p75), peers_text = found
    if pay < p25:
        verdict, text = "below", _("Di bawah kisaran umum")
    elif pay > p75:
        verdict, text = "above", _("Di atas kisaran umum")
    else:
        verdict, text = "typical", _("Dalam kisaran umum")
    return PayNote(
        verdict=verdict,
        text=str(text),
        peers=str(peers_text) % {"pay": pay_label, "city": gig.city.strip().title()},
        median=median,
        sample_size=n,
        url=reverse("listings:pay_insights") + "?" + urlencode({"pay_model": gig.pay_model}),
    )
