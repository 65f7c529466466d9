"""Why a gig must be seen by a moderator even when its text screens clean: where it came from.

Automatic screening judges the words; this judges the lineage. A copy of a gig a moderator
took down (suspended), or a copy of a rejected gig, or a post nearly identical to another
of the same owner's live, pending or taken-down posts, is never published automatically —
otherwise "Duplikat" would be a way around review.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from .models import Gig
from .screening.engine import shingles
from .screening.normalize import normalize
from .vocabulary import GigStatus

# Share of word triples two posts must have in common to count as the same post.
NEAR_IDENTICAL = 0.8
SHINGLE_WORDS = 3
# An owner's own posts a new post must not repeat (closed/expired ones may be reposted).
_COMPARED_STATUSES = (GigStatus.PENDING, GigStatus.PUBLISHED, GigStatus.SUSPENDED, GigStatus.REJECTED)
# Added to the screening score: at or above the flag threshold, so the gig is held.
WEIGHT = 40


def _text(gig: Gig) -> frozenset[str]:
    return shingles(normalize(f"{gig.title}\n{gig.description}\n{gig.requirements}"), SHINGLE_WORDS)


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
    mine = _text(gig)
    if not mine:
        return reasons
    others = (
        Gig.objects.filter(employer_id=gig.employer_id, status__in=_COMPARED_STATUSES)
        .exclude(pk=gig.pk)
        .only("pk", "title", "description", "requirements")
    )
    for other in others:
        theirs = _text(other)
        if theirs and len(mine & theirs) / min(len(mine), len(theirs)) >= NEAR_IDENTICAL:
            if source is None or other.pk != source.pk or not reasons:
                reasons.append(
                    _reason("duplicate_post", _("Hampir sama dengan lowongan lain"), f"#{other.pk}")
                )
            break
    return reasons
