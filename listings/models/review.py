"""Two-way reviews after a hire or an ended trial (see `listings.reviews`)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .audit import AuditEvent


class ReviewTag(models.TextChoices):
    """Short things people say about each other; each side picks from its own list."""

    PAYS_ON_TIME = "pays_on_time", _("Bayar tepat waktu")
    CLEAR_INSTRUCTIONS = "clear_instructions", _("Jelas instruksinya")
    RESPONSIVE = "responsive", _("Responsif")
    FRIENDLY = "friendly", _("Ramah")
    THOROUGH = "thorough", _("Teliti")
    PUNCTUAL = "punctual", _("Tepat waktu")
    FAST_LEARNER = "fast_learner", _("Cepat belajar")


class ReviewQuerySet(models.QuerySet):
    def visible(self, now=None):
        """Shown to the public: past the reveal moment and not hidden by a moderator."""
        return self.filter(visible_from__lte=now or timezone.now(), hidden_at__isnull=True)

    def about(self, user):
        return self.filter(subject=user)


class Review(models.Model):
    """One side's review of the other after an application ended in a hire or a trial.

    `visible_from` is when the public may read it: 14 days after writing, or as soon as the
    other side has written theirs (both rows then get the same moment), so neither side can
    answer what the other wrote.
    """

    class Direction(models.TextChoices):
        OF_EMPLOYER = "of_employer", _("Pekerja menilai pemberi kerja")
        OF_WORKER = "of_worker", _("Pemberi kerja menilai pekerja")

    application = models.ForeignKey("listings.Application", on_delete=models.CASCADE, related_name="reviews")
    direction = models.CharField(_("arah"), max_length=12, choices=Direction.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviews_written",
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviews_received"
    )
    rating = models.PositiveSmallIntegerField(
        _("nilai"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    tags = models.JSONField(_("label"), default=list, blank=True)
    comment = models.TextField(_("komentar"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    visible_from = models.DateTimeField(_("tampil mulai"), db_index=True)
    hidden_at = models.DateTimeField(_("disembunyikan pada"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hidden_reason = models.TextField(_("alasan disembunyikan"), blank=True)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("ulasan")
        verbose_name_plural = _("ulasan")
        constraints = [
            models.UniqueConstraint(fields=["application", "direction"], name="one_review_per_side"),
            models.CheckConstraint(condition=Q(rating__gte=1, rating__lte=5), name="review_rating_1_to_5"),
        ]
        indexes = [models.Index(fields=["subject", "visible_from"], name="review_subject_visible_idx")]

    def __str__(self) -> str:
        return f"{self.application_id} {self.direction}: {self.rating}"

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    def tag_labels(self) -> list[str]:
        return [str(ReviewTag(code).label) for code in self.tags if code in ReviewTag.values]


class ReviewEvent(AuditEvent):
    """Audit log of reviews: written, hidden by a moderator, shown again."""

    class Action(models.TextChoices):
        SUBMIT = "submit", _("Ditulis")
        HIDE = "hide", _("Disembunyikan")
        UNHIDE = "unhide", _("Ditampilkan lagi")

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("tindakan"), max_length=8, choices=Action.choices)

    class Meta(AuditEvent.Meta):
        verbose_name = _("riwayat ulasan")
        verbose_name_plural = _("riwayat ulasan")

    def __str__(self) -> str:
        return f"{self.review_id}: {self.action}"
