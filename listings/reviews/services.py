"""The one door for writing and moderating reviews.

Each function checks who acts, validates, writes the review and a `ReviewEvent` audit row in
one transaction, and tells the other side in their inbox.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from listings.messaging.services import inbox_item_create

from ..models import Application, Review, ReviewEvent
from .rules import REVEAL_AFTER, TAGS, Direction, eligibility

COMMENT_MAX = Review._meta.get_field("comment").max_length


class ReviewError(ValidationError):
    """The review can't be written or changed this way; the message is for the user."""


def _clean_input(*, direction: str, rating, tags, comment: str) -> tuple[int, list[str], str]:
    errors: dict[str, str] = {}
    try:
        rating = int(rating)
    except (TypeError, ValueError):
        rating = 0
    if not 1 <= rating <= 5:
        errors["rating"] = _("Pilih nilai 1 sampai 5 bintang.")
    tags = list(dict.fromkeys(tags or []))
    if any(tag not in TAGS[direction] for tag in tags):
        errors["tags"] = _("Ada label yang tidak tersedia untuk ulasan ini.")
    comment = (comment or "").strip()
    if len(comment) > COMMENT_MAX:
        errors["comment"] = _("Komentar maksimal %(n)s karakter.") % {"n": COMMENT_MAX}
    if errors:
        raise ReviewError(errors)
    return rating, tags, comment


def review_submit(
    *, application: Application, by: User, rating, tags: list[str] | None = None, comment: str = ""
) -> Review:
    """A worker reviews the employer (or the employer the worker) after a hire or an ended
    trial: once per side, within 30 days. The review stays private until the other side has
    written theirs or 14 days have passed."""
    application = Application.objects.select_related("gig", "worker").get(pk=application.pk)
    rule = eligibility(application, by)
    if not rule.is_party:
        raise PermissionDenied(_("Ini bukan lamaran Anda."))
    now = timezone.now()
    if rule.opens_at is None:
        raise ReviewError(
            _("Ulasan bisa ditulis setelah pelamar diterima atau masa percobaan selesai."), code="not_open"
        )
    if now > rule.closes_at:
        raise ReviewError(_("Batas waktu menulis ulasan (30 hari) sudah lewat."), code="closed")
    rating, tags, comment = _clean_input(direction=rule.direction, rating=rating, tags=tags, comment=comment)
    subject_id = (
        application.gig.employer_id if rule.direction == Direction.OF_EMPLOYER else application.worker_id
    )
    try:
        with transaction.atomic():
            # Both sides' reviews of one application are written one at a time, so the second
            # writer always sees the first and both become visible together.
            Application.objects.select_for_update().filter(pk=application.pk).first()
            review = Review.objects.create(
                application=application,
                direction=rule.direction,
                author=by,
                subject_id=subject_id,
                rating=rating,
                tags=tags,
                comment=comment,
                visible_from=now + REVEAL_AFTER,
            )
            other = Review.objects.filter(application=application).exclude(pk=review.pk)
            answered = other.update(visible_from=now) > 0
            if answered:
                review.visible_from = now
                review.save(update_fields=["visible_from"])
            ReviewEvent.objects.create(review=review, actor=by, action=ReviewEvent.Action.SUBMIT)
            _tell_other_side(application, rule.direction, answered=answered)
    except IntegrityError:
        raise ReviewError(_("Anda sudah menulis ulasan untuk lamaran ini."), code="duplicate") from None
    return review


def _tell_other_side(application: Application, direction: str, *, answered: bool) -> None:
    recipient = application.gig.employer if direction == Direction.OF_EMPLOYER else application.worker
    inbox_item_create(
        user=recipient,
        kind="review",
        code="review.answered" if answered else "review.new",
        params={"gig": application.gig.title},
        url=application.get_absolute_url(),
    )


def _require_moderator(by: User) -> None:
    if by is None or not by.is_staff:
        raise PermissionDenied(_("Hanya moderator yang boleh melakukan ini."))


def review_hide(*, review: Review, by: User, reason: str) -> Review:
    """A moderator hides a review (abuse, personal data, off-topic); the reason is audited."""
    _require_moderator(by)
    reason = (reason or "").strip()
    if not reason:
        raise ReviewError({"reason": _("Tuliskan alasan ulasan ini disembunyikan.")})
    with transaction.atomic():
        review.hidden_at = timezone.now()
        review.hidden_by = by
        review.hidden_reason = reason[:1000]
        review.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
        ReviewEvent.objects.create(review=review, actor=by, action=ReviewEvent.Action.HIDE, reason=reason)
    return review


def review_unhide(*, review: Review, by: User, reason: str = "") -> Review:
    """A moderator shows a hidden review again."""
    _require_moderator(by)
    with transaction.atomic():
        review.hidden_at = None
        review.hidden_by = None
        review.hidden_reason = ""
        review.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
        ReviewEvent.objects.create(
            review=review, actor=by, action=ReviewEvent.Action.UNHIDE, reason=(reason or "").strip()
        )
    return review
