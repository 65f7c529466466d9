"""Contact reveal (UU PDP): WhatsApp numbers leave the database only through this module.

Both numbers appear at the same moment — when the employer shortlists the applicant — as
`wa.me` links with a prefilled Indonesian greeting naming the gig. Before that (and after a
decline or withdrawal) these functions return None, so templates have nothing to print.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.models import User
from listings.models import Application


@dataclass(frozen=True)
class WhatsAppContact:
    name: str
    number: str  # E.164, e.g. +6281234567890
    url: str


def whatsapp_url(number: str, text: str) -> str:
    """`https://wa.me/62…?text=…` for an E.164 number; the text is percent-encoded."""
    digits = "".join(ch for ch in str(number) if ch.isdigit())
    return f"https://wa.me/{digits}?text={quote(text, safe='')}"


def contact_for(*, application: Application, viewer: User) -> WhatsAppContact | None:
    """The other side's WhatsApp for `viewer`, or None while it must stay hidden."""
    if not application.contact_revealed or not viewer.is_authenticated:
        return None
    gig = application.gig
    worker = application.worker
    worker_profile = getattr(worker, "worker_profile", None)
    employer_profile = getattr(gig.employer, "employer_profile", None)
    worker_name = worker.display_name
    business = employer_profile.business_name if employer_profile else gig.employer.display_name
    with translation.override(settings.LANGUAGE_CODE):
        if viewer.pk == gig.employer_id:
            number = worker_profile.whatsapp if worker_profile else None
            name = worker_name
            greeting = _(
                "Halo %(worker)s, saya dari %(business)s. Terima kasih sudah melamar “%(gig)s” "
                "di Loker CS. Boleh kita ngobrol sebentar?"
            ) % {"worker": worker_name, "business": business, "gig": gig.title}
        elif viewer.pk == application.worker_id:
            number = employer_profile.whatsapp if employer_profile else None
            name = business
            greeting = _(
                "Halo %(business)s, saya %(worker)s dari Loker CS. Terima kasih sudah memilih "
                "lamaran saya untuk “%(gig)s”."
            ) % {"worker": worker_name, "business": business, "gig": gig.title}
        else:
            return None
    if not number:
        return None
    e164 = number.as_e164 if hasattr(number, "as_e164") else str(number)
    return WhatsAppContact(name=name, number=e164, url=whatsapp_url(e164, greeting))
