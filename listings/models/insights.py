"""Precomputed figures: pay insights (per group of gigs) and per-gig daily traffic.

Both tables are written only by `listings.insights` (a beat task and the counter flush), so
pages read a handful of small rows instead of aggregating over every gig.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .gig import Gig


class PayInsight(models.Model):
    """Median and middle range (25th–75th percentile) of the estimated monthly pay of one
    group of gigs. Only groups with at least `listings.insights.MIN_SAMPLE` gigs are stored."""

    class Dimension(models.TextChoices):
        ALL = "all", _("semua lowongan")
        CITY = "city", _("kota")
        WORK_MODE = "work_mode", _("lokasi kerja")
        CHANNEL = "channel", _("channel")
        DUTY = "duty", _("tugas")

    dimension = models.CharField(max_length=16, choices=Dimension.choices)
    # The group's code or (for cities) the lower-cased city name; "" for `all`.
    value = models.CharField(max_length=80, blank=True)
    # "" = gigs of every pay model together (the monthly estimate makes them comparable).
    pay_model = models.CharField(max_length=16, blank=True)
    sample_size = models.PositiveIntegerField()
    p25 = models.BigIntegerField()
    median = models.BigIntegerField()
    p75 = models.BigIntegerField()
    computed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("statistik gaji")
        verbose_name_plural = _("statistik gaji")
        constraints = [
            models.UniqueConstraint(
                fields=["dimension", "value", "pay_model"], name="pay_insight_group_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.dimension}:{self.value}/{self.pay_model or '*'} n={self.sample_size}"


class GigDailyStat(models.Model):
    """How often a gig was seen on one day (Asia/Jakarta): its card in search results and lists
    (impressions) and its detail page (views). Filled in batches from Redis counters."""

    gig = models.ForeignKey(Gig, on_delete=models.CASCADE, related_name="daily_stats")
    day = models.DateField()
    impressions = models.PositiveIntegerField(default=0)
    views = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("statistik harian lowongan")
        verbose_name_plural = _("statistik harian lowongan")
        constraints = [models.UniqueConstraint(fields=["gig", "day"], name="gig_daily_stat_unique")]

    def __str__(self) -> str:
        return f"{self.gig_id} {self.day}: {self.impressions}/{self.views}"
