"""Automatic scam screening of gigs (issue #6).

    from listings import screening
    result = screening.screen(gig)            # Gig, saved or not; reads only, writes nothing
    result.flagged, result.clean, result.score, result.reasons_as_json()

Screening many gigs (import): build the board context once and pass it to every row:

    board = screening.board_context()
    result = screening.screen(gig, board=board)

or call `gig_screening_flags(gig)`, which reuses the board context until the board changes
and returns the reasons a gig must stay in the review queue (empty list: publishable).

Signals and weights live in `signals.toml`; the engine (`engine.py`) is generic.
"""

from __future__ import annotations

import re

from ..models import Gig
from ..reviews.selectors import employer_review_trust
from .board import Board, board_context, reusable_board_context
from .engine import TEXT_FIELDS, Reason, ScreeningResult, Subject, evaluate, load_rules

__all__ = [
    "Board",
    "Reason",
    "ScreeningResult",
    "board_context",
    "gig_screening_flags",
    "load_rules",
    "reusable_board_context",
    "screen",
    "screen_data",
]

# A shop or account the moderator (and the worker) can check.
_BUSINESS_LINK = re.compile(
    r"\b(?:shopee\.co\.id|tokopedia\.com|tokopedia\.link|lazada\.co\.id|tiktok\.com/@|instagram\.com|"
    r"facebook\.com|fb\.com|bukalapak\.com|blibli\.com)/\S+",
    re.IGNORECASE,
)


def _has_business_presence(profile, texts: list[str]) -> bool:
    if profile is not None and any(
        getattr(profile, name, "") for name in ("instagram_url", "marketplace_url", "website_url")
    ):
        return True
    if any(_BUSINESS_LINK.search(t or "") for t in texts):
        return True
    # A track record here counts too: workers' reviews say this employer hires and pays.
    return profile is not None and employer_review_trust(profile.user_id).well_reviewed


def _whole_number(value) -> int | None:
    """Import rows may carry "75000", "75.000" or 75000.0; anything else counts as unknown."""
    if value is None or value == "":
        return None
    try:
        return (
            int(float(str(value).replace(".", "").replace(",", ".")))
            if isinstance(value, str)
            else int(value)
        )
    except (TypeError, ValueError):
        return None


def subject_for(
    gig, *, employer_name: str | None = None, verified: bool | None = None, business_links: bool = False
) -> Subject:
    texts = [getattr(gig, name, "") or "" for name in TEXT_FIELDS]
    employer = getattr(gig, "employer", None) if gig.employer_id else None
    profile = getattr(employer, "employer_profile", None) if employer is not None else None
    return Subject(
        texts=texts,
        pay_model=gig.pay_model or "",
        pay_min=_whole_number(gig.pay_min),
        pay_max=_whole_number(gig.pay_max),
        hours_per_week=_whole_number(gig.hours_per_week),
        employer_name=employer_name if employer_name is not None else getattr(profile, "business_name", ""),
        employer_id=gig.employer_id,
        gig_id=gig.pk,
        verified=verified if verified is not None else bool(profile and profile.is_verified),
        business_presence=business_links or _has_business_presence(profile, texts),
        work_mode=getattr(gig, "work_mode", "") or "",
        city=getattr(gig, "city", "") or "",
    )


def screen(
    gig,
    *,
    board: Board | None = None,
    employer_name: str | None = None,
    verified: bool | None = None,
    business_links: bool = False,
) -> ScreeningResult:
    """Score `gig` for scam signals. Pure: reads the board, writes nothing.

    `employer_name` / `verified` / `business_links` override what the gig's employer profile
    says (import rows name their employer before the account exists). Pass `board` when
    screening many gigs.
    """
    if board is None:
        board = board_context()
    subject = subject_for(gig, employer_name=employer_name, verified=verified, business_links=business_links)
    return evaluate(subject, board)


BUSINESS_LINKS = ("instagram", "marketplace", "website")


def screen_data(data: dict, *, board: Board | None = None) -> ScreeningResult:
    """Score an import-style row (DESIGN.md `import_gigs` fields) without creating anything.

    Optional extra keys: `employer_verified`, and `instagram_url` / `marketplace_url` /
    `website_url` (also with an `employer_` prefix) for the employer's business presence.
    """
    fields = {
        name: data.get(name)
        for name in (*TEXT_FIELDS, "pay_model", "pay_min", "pay_max", "hours_per_week", "work_mode", "city")
    }
    fields = {k: v for k, v in fields.items() if v is not None}
    gig = Gig(**fields)
    links = any(data.get(f"{prefix}{name}_url") for prefix in ("", "employer_") for name in BUSINESS_LINKS)
    verified = bool(data.get("employer_verified") or data.get("verified"))
    return screen(
        gig, board=board, employer_name=data.get("employer_name", ""), verified=verified, business_links=links
    )


def gig_screening_flags(gig, *, board: Board | None = None) -> list[str]:
    """Reasons `gig` must wait for a moderator (empty: clean enough to publish).

    The contract `import_gigs --publish` uses; the board context is reused between calls
    until the board changes, so a long import does not rebuild it per row.
    """
    result = screen(gig, board=board or reusable_board_context())
    return [f"{r.label} ({r.evidence_text})" for r in result.reasons] if result.flagged else []
