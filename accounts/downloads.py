"""File downloads of a worker's own documents, one way for every view that offers them."""

from django.http import FileResponse, Http404
from django.utils.translation import gettext as _

from jobboard.hardening import PRIVATE_CACHE_CONTROL


def portfolio_pdf_response(profile) -> FileResponse:
    """The profile's portfolio PDF as a private download; 404 when there is none."""
    if profile is None or not profile.portfolio_pdf:
        raise Http404(_("Portofolio tidak ditemukan."))
    try:
        handle = profile.portfolio_pdf.open("rb")
    except FileNotFoundError:
        raise Http404(_("Portofolio tidak ditemukan.")) from None
    response = FileResponse(
        handle, as_attachment=True, filename="portofolio.pdf", content_type="application/pdf"
    )
    response["Cache-Control"] = PRIVATE_CACHE_CONTROL
    return response
