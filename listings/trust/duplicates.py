"""Why a gig must be seen by a moderator even when its text screens clean: where it came from.

Automatic screening judges the words; this judges the lineage. A copy of a gig a moderator
took down (suspended), or a copy of a rejected gig, or a post nearly identical to another
of the same owner's live, pending or taken-down posts, is never published automatically —
otherwise "Duplikat" would be a way around review.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from listings.models import Gig
from listings.screening import fingerprint, load_rules
from listings.screening.engine import TEXT_FIELDS
from listings.vocabulary import GigStatus

# An owner's own posts a new post must not repeat (closed/expired ones may be reposted).
_COMPARED_STATUSES = (GigStatus.PENDING, GigStatus.PUBLISHED, GigStatus.SUSPENDED, GigStatus.REJECTED)
# Added to the screening score: at or above the flag threshold, so the gig is held.
WEIGHT = 40


def _fingerprint(gig: Gig) -> int | None:
    """The same simhash screening stores and compares (listings.screening.fingerprint)."""
    if gig.text_fingerprint is not None:
        return gig.text_fingerprint
    return fingerprint.simhash(*(getattr(gig, name) or "" for name in TEXT_FIELDS))


def _reason(code: str, label: str, evidence: str) -> dict:
    return {"code": code, "label": label, "weight": WEIGHT, "evidence": evidence[:200]}


def review_reasons(gig: Gig) -> list[dict]:
    """Reasons (screening-reason dicts) that keep `gig` for a moderator; empty when none."""
    reasons = []
    source = gig.copied_from
    if source is not None and source.status == GigStatus.SUSPENDED:
        reasons.append(_reason("copy_of_suspended", _("Salinan lowongan yang ditangguhkan"), f"#{source.pk}"))
    elif source is not None and source.status == GigStatus.REJECTED:
        reasons.append(_reason("copy_of_rejected", _("Salinan lowongan yang ditolak"), f"#{source.pk}"))
    mine = _fingerprint(gig)
    if mine is None:
        return reasons
    # Near-identical means what it means for reposts of rejected posts: the same bit budget.
    limit = int(load_rules().signal("rejected_copy").params["max_distance"])
    others = (
        Gig.objects.filter(employer_id=gig.employer_id, status__in=_COMPARED_STATUSES)
        .exclude(pk=gig.pk)
        .only("pk", "text_fingerprint", *TEXT_FIELDS)
    )
    for other in others:
        other_pk, theirs = other.pk, _fingerprint(other)
        if theirs is not None and fingerprint.distance(mine, theirs) <= limit:
            if source is None or other_pk != source.pk or not reasons:
                reasons.append(
                    _reason("duplicate_post", _("Hampir sama dengan lowongan lain"), f"#{other_pk}")
                )
            break
    return reasons
