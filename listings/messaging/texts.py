"""What inbox notices say, by code: rows store a code and its parameters, and the sentence
is made when someone reads it, in the reader's language (a reworded sentence applies to old
notices too). Rows written before codes existed keep their stored text.

Parameters are what the sentence needs, as plain JSON values: titles and names as they
were, amounts in rupiah, days, and codes (the trial pay basis) that are labelled here.
"""

from __future__ import annotations

from collections.abc import Callable

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from listings.models.application import trial_terms_text


def _trial_offer(params: dict) -> str:
    if not params.get("days"):
        return _("Anda ditawari masa percobaan untuk “%(gig)s”.") % params
    terms = trial_terms_text(days=params["days"], pay=params.get("pay"), basis=params.get("basis", ""))
    return _(
        "Anda ditawari masa percobaan untuk “%(gig)s”: %(terms)s. Terima atau tolak di halaman lamaran."
    ) % {"gig": params["gig"], "terms": terms}


MESSAGES: dict[str, Promise | Callable[[dict], str]] = {
    "application.submit": gettext_lazy("Lamaran baru dari %(name)s untuk “%(gig)s”."),
    "application.view": gettext_lazy("Lamaran Anda untuk “%(gig)s” sudah dilihat pemberi kerja."),
    "application.shortlist": gettext_lazy(
        "Selamat! Anda masuk daftar pilihan untuk “%(gig)s”. Nomor WhatsApp pemberi kerja kini terlihat."
    ),
    "application.offer_trial": _trial_offer,
    "application.accept_trial": gettext_lazy("%(name)s menerima tawaran masa percobaan untuk “%(gig)s”."),
    "application.decline_trial": gettext_lazy(
        "%(name)s menolak tawaran masa percobaan untuk “%(gig)s”; lamarannya tetap di daftar pilihan."
    ),
    "application.hire": gettext_lazy("Selamat! Anda diterima untuk “%(gig)s”."),
    "application.decline": gettext_lazy("Lamaran Anda untuk “%(gig)s” tidak dilanjutkan. Tetap semangat!"),
    "application.withdraw": gettext_lazy("%(name)s menarik lamarannya untuk “%(gig)s”."),
    "application.account_deleted": gettext_lazy(
        "Seorang pelamar menghapus akunnya; lamarannya untuk “%(gig)s” ditarik."
    ),
    "application.employer_deleted": gettext_lazy(
        "Pemilik usaha menghapus akunnya: lowongan “%(gig)s” ditutup dan lamaran Anda tidak dilanjutkan."
    ),
    "match": gettext_lazy("Lowongan baru cocok untuk Anda: %(title)s"),
    "verification.granted": gettext_lazy(
        "Usaha Anda terverifikasi. Lencana “UMKM terverifikasi” kini tampil di lowongan Anda."
    ),
    "verification.declined": gettext_lazy("Verifikasi belum disetujui: %(reason)s"),
    "review.answered": gettext_lazy("Ulasan kedua pihak untuk “%(gig)s” sekarang tampil."),
    "review.new": gettext_lazy(
        "Ada ulasan baru untuk Anda dari “%(gig)s”. Tulis ulasan Anda juga: keduanya tampil "
        "setelah kalian berdua menulis, atau setelah 14 hari."
    ),
    "report.actioned": gettext_lazy("Laporan Anda tentang “%(title)s” ditindaklanjuti. Terima kasih."),
    "report.dismissed": gettext_lazy(
        "Laporan Anda tentang “%(title)s” sudah diperiksa; lowongan tetap tayang."
    ),
}


def message_text(code: str, params: dict | None = None, fallback: str = "") -> str:
    """The notice `code` with `params` in the active language; `fallback` (the text stored
    by older rows) when the code is empty or unknown."""
    entry = MESSAGES.get(code)
    if entry is None:
        return fallback
    values = dict(params or {})
    if "name" in values and not values["name"]:
        values["name"] = _("Pelamar")
    if isinstance(entry, Promise):
        return str(entry) % values
    return entry(values)
