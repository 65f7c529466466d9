"""What each screening signal means, in the reader's language.

Reasons are stored with their code; the label is looked up when a moderator reads them, so
the review page, the admin and the import report speak the reader's language and a reworded
label applies to old screenings too. Indonesian first (msgid), English in the catalogue.
"""

from __future__ import annotations

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..money import format_rupiah
from ..vocabulary import PayModel

LABELS = {
    "abroad_placement": _(
        "Penempatan ke luar negeri dengan tiket, mess atau paspor disiapkan (modus perdagangan orang)"
    ),
    "account_trade": _(
        "Sewa/jual-beli rekening, e-wallet, QRIS atau nomor atas nama pekerja (rekening bodong)"
    ),
    "app_from_file": _("Menyuruh memasang aplikasi dari file/APK atau situs unduhan tidak resmi"),
    "bait_reply": _('Pancingan "balas 1" / "ketik minat"'),
    "brand_impersonation": _(
        "Nama perusahaan besar (marketplace, bank) dipakai akun yang belum terverifikasi"
    ),
    "credit_in_name": _("Pinjaman, paylater atau rekening dibuka atas nama pelamar"),
    "data_to_them": _(
        "Meminta kode verifikasi/OTP, PIN, selfie dengan KTP, KK atau video wajah dikirim lewat chat"
    ),
    "easy_money_claim": _("Janji uang mudah (penghasilan jutaan, hanya modal HP, kerja santai)"),
    "foreign_contact_or_relocation": _(
        "Penempatan di negara rawan atau gaji dalam mata uang asing (modus CS judi online)"
    ),
    "foreign_number": _("Nomor telepon/WhatsApp luar negeri"),
    "forward_order_deposit": _("Skema forward order / dropship yang mewajibkan talangan atau deposit"),
    "gambling_operation": _('Kerja untuk situs judi online (slot, kasino, "website hiburan")'),
    "identity_documents": _("Meminta foto KTP atau KK sebelum ada wawancara"),
    "instant_hire": _("Langsung diterima tanpa wawancara / seleksi"),
    "investment_scheme": _("Investasi, trading, arisan atau MLM yang dibungkus sebagai lowongan"),
    "mass_messaging": _("Kirim pesan massal/broadcast ke banyak nomor atau dari nomor pribadi pekerja"),
    "money_from_worker": _(
        "Meminta uang dari pelamar (biaya daftar, deposit, modal, beli paket, transfer dulu, top up)"
    ),
    "pay_far_above": _("Gaji jauh di atas lowongan sejenis untuk jam dan tugasnya"),
    "pay_per_click_task": _('Kerja "tugas": like, follow, subscribe, rating atau ulasan dibayar per klik'),
    "personal_number_contact": _(
        "Kontak hanya lewat nomor pribadi, tanpa toko atau akun usaha yang bisa dicek"
    ),
    "pressure_urgency": _("Desakan waktu (slot terbatas, buruan, hari ini juga)"),
    "receive_forward": _("Menerima lalu meneruskan uang atau paket orang lain (kurir/rekening penampung)"),
    "rejected_copy": _("Hampir sama dengan lowongan yang ditolak/ditangguhkan atau dari akun yang diblokir"),
    "sensitive_credentials": _(
        "Meminta ATM, PIN, OTP/kode verifikasi, buku tabungan, m-banking, nama ibu kandung, "
        "selfie dengan KTP, atau memakai rekening/identitas pelamar"
    ),
    "shortened_link": _("Link pemendek atau link mencurigakan"),
    "shouting": _("Teks ditulis huruf kapital semua (gaya iklan spam)"),
    "telegram_contact": _("Kontak/rekrutmen lewat Telegram, tanpa toko atau akun usaha yang bisa dicek"),
    "wages_held": _("Gaji ditahan sampai pekerja membayar atau mengisi saldo"),
    "withdraw_balance": _(
        'Bayaran berupa saldo aplikasi yang harus ditarik (WD) atau kode referal, ciri kerja "tugas"'
    ),
    "worker_pays": _(
        "Pelamar yang harus membayar (biaya, jaminan, saldo, ongkos, tiket) sebelum atau untuk bekerja"
    ),
}


def evidence_text(evidence: str, params: dict | None = None) -> str:
    """A reason's evidence as the reader reads it: the employer's words as written, and the
    figures behind it worded in the reader's language ("Harian Rp 500.000 ≈ Rp 62.500/jam")."""
    params = params or {}
    parts = []
    if params.get("pay_model") in PayModel.values and params.get("amount") is not None:
        parts.append(f"{PayModel(params['pay_model']).label} {format_rupiah(params['amount'])}")
    if evidence:
        parts.append(evidence)
    if params.get("per_hour"):
        parts.append(gettext("≈ %(amount)s/jam") % {"amount": format_rupiah(params["per_hour"])})
    return " ".join(parts)


def label_for(code: str, fallback: str = "") -> str:
    """The translated label of `code` (the stored `fallback`, or the code, when unknown)."""
    label = LABELS.get(code)
    return str(label) if label is not None else (fallback or code)
