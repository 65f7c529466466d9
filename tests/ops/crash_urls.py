"""URLs for the error-report test: the board's own, plus one view that fails while holding
personal data (as a real bug would: in locals, in the message, in the request)."""

import logging

from django.urls import path

from jobboard.urls import urlpatterns as board_urlpatterns

log = logging.getLogger("listings.contact")


def failing_view(request):
    whatsapp = request.POST.get("whatsapp", "")
    contact_email = request.POST.get("email", "")
    nik = request.POST.get("nik", "")
    log.error("WhatsApp %s (%s) ditolak gateway", whatsapp, contact_email)
    raise RuntimeError(f"gagal menghubungi {contact_email} di {whatsapp}, KTP {nik}")


urlpatterns = [path("ops-test/crash/", failing_view), *board_urlpatterns]
