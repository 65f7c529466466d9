"""The board's stable codes (DESIGN.md "Domain vocabulary") and their translated labels.

Codes never change once stored; labels are Bahasa Indonesia and translated via gettext.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class PayModel(models.TextChoices):
    HOURLY = "hourly", _("Per jam")
    DAILY = "daily", _("Harian")
    WEEKLY = "weekly", _("Mingguan")
    MONTHLY = "monthly", _("Bulanan")
    PER_PROJECT = "per_project", _("Per proyek")
    COMMISSION = "commission", _("Komisi")


# Suffix used when showing an amount: "Rp 75.000 / hari".
PAY_UNIT = {
    PayModel.HOURLY: pgettext_lazy("pay unit", "jam"),
    PayModel.DAILY: pgettext_lazy("pay unit", "hari"),
    PayModel.WEEKLY: pgettext_lazy("pay unit", "minggu"),
    PayModel.MONTHLY: pgettext_lazy("pay unit", "bulan"),
    PayModel.PER_PROJECT: pgettext_lazy("pay unit", "proyek"),
    PayModel.COMMISSION: pgettext_lazy("pay unit", "bulan (dasar)"),
}


class WorkMode(models.TextChoices):
    REMOTE = "remote", _("WFH / dari rumah")
    ONSITE = "onsite", _("Di lokasi")
    HYBRID = "hybrid", _("Hybrid")


class Schedule(models.TextChoices):
    FLEXIBLE = "flexible", _("Jam fleksibel")
    PART_TIME = "part_time", _("Paruh waktu")
    FULL_TIME = "full_time", _("Penuh waktu")
    SHIFT = "shift", _("Shift")
    NIGHT = "night", _("Malam")
    WEEKEND = "weekend", _("Akhir pekan")
    ON_CALL = "on_call", _("Siaga (on call)")


class Channel(models.TextChoices):
    WHATSAPP = "whatsapp", _("WhatsApp")
    INSTAGRAM = "instagram", _("Instagram")
    FACEBOOK = "facebook", _("Facebook")
    TIKTOK_SHOP = "tiktok_shop", _("TikTok Shop")
    SHOPEE = "shopee", _("Shopee")
    TOKOPEDIA = "tokopedia", _("Tokopedia")
    LAZADA = "lazada", _("Lazada")
    PHONE = "phone", _("Telepon")
    EMAIL = "email", _("Email")
    WEBSITE_CHAT = "website_chat", _("Live chat website")


class Duty(models.TextChoices):
    CUSTOMER_CHAT = "customer_chat", _("Membalas chat pelanggan")
    ORDER_PROCESSING = "order_processing", _("Memproses pesanan")
    PAYMENT_CONFIRMATION = "payment_confirmation", _("Konfirmasi pembayaran")
    COMPLAINT_HANDLING = "complaint_handling", _("Menangani komplain")
    REVIEW_MANAGEMENT = "review_management", _("Mengelola ulasan")
    SOCIAL_MEDIA = "social_media", _("Mengelola media sosial")
    CONTENT_CREATION = "content_creation", _("Membuat konten")
    DATA_ENTRY = "data_entry", _("Input data")
    SALES_REPORT = "sales_report", _("Laporan penjualan")
    STOCK_UPDATE = "stock_update", _("Update stok")
    PACKING = "packing", _("Packing")
    SALES_CLOSING = "sales_closing", _("Closing penjualan")


class GigStatus(models.TextChoices):
    DRAFT = "draft", _("Draf")
    PENDING = "pending", _("Menunggu review")
    PUBLISHED = "published", _("Tayang")
    CLOSED = "closed", _("Ditutup")
    EXPIRED = "expired", _("Kedaluwarsa")
    REJECTED = "rejected", _("Ditolak")
    SUSPENDED = "suspended", _("Ditangguhkan")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Senin")
    TUESDAY = 1, _("Selasa")
    WEDNESDAY = 2, _("Rabu")
    THURSDAY = 3, _("Kamis")
    FRIDAY = 4, _("Jumat")
    SATURDAY = 5, _("Sabtu")
    SUNDAY = 6, _("Minggu")


class TimeBand(models.TextChoices):
    """When in the week a gig's time windows fall (derived, `listings.schedule.window_tags`):
    searches for "siang", "dini hari", "malam minggu" or "senin-jumat" match these."""

    DAWN = "dawn", _("Dini hari (00.00–06.00)")
    MORNING = "morning", _("Pagi (06.00–11.00)")
    MIDDAY = "midday", _("Siang (11.00–15.00)")
    AFTERNOON = "afternoon", _("Sore (15.00–18.00)")
    EVENING = "evening", _("Malam (18.00–24.00)")
    WEEKDAYS = "weekdays", _("Hanya hari kerja (Senin–Jumat)")
    WEEKEND = "weekend", _("Sabtu/Minggu")
    SATURDAY_NIGHT = "saturday_night", _("Malam Minggu")


class ReportReason(models.TextChoices):
    SCAM_FEE = "scam_fee", _("Penipuan / minta biaya")
    PERSONAL_DATA = "personal_data", _("Minta data pribadi (KTP, OTP, PIN)")
    MISLEADING = "misleading", _("Informasi menyesatkan / gaji tidak sesuai")
    OFFENSIVE = "offensive", _("Konten tidak pantas")
    DUPLICATE = "duplicate", _("Lowongan duplikat / spam")
    OTHER = "other", _("Lainnya")


def clean_code_lists(instance, fields: dict[str, type[models.Choices]]) -> dict[str, str]:
    """Check JSON code-list fields against their vocabulary; dedupe valid ones in place.

    Returns {field: error message} for lists holding unknown codes (or not being lists).
    """
    errors: dict[str, str] = {}
    for field, choices in fields.items():
        codes = getattr(instance, field)
        if not isinstance(codes, list) or any(code not in choices.values for code in codes):
            errors[field] = _("Pilihan tidak dikenal.")
        else:
            setattr(instance, field, list(dict.fromkeys(codes)))
    return errors


def labels_for(choices: type[models.Choices], codes: list[str]) -> list[str]:
    """Translated labels for stored codes, skipping codes that are no longer known."""
    known = dict(choices.choices)
    return [str(known[code]) for code in codes if code in known]


class Language(models.TextChoices):
    """Languages a worker can serve customers in (ISO 639 codes)."""

    INDONESIAN = "id", _("Bahasa Indonesia")
    ENGLISH = "en", _("Inggris")
    JAVANESE = "jv", _("Jawa")
    SUNDANESE = "su", _("Sunda")
    MADURESE = "mad", _("Madura")
    MINANGKABAU = "min", _("Minang")
    BALINESE = "ban", _("Bali")
    BANJARESE = "bjn", _("Banjar")
    BUGINESE = "bug", _("Bugis")
    BATAK = "btk", _("Batak")
    MANDARIN = "zh", _("Mandarin")
    ARABIC = "ar", _("Arab")


class ApplicationStatus(models.TextChoices):
    SENT = "sent", _("Terkirim")
    VIEWED = "viewed", _("Dilihat")
    SHORTLISTED = "shortlisted", _("Masuk daftar pilihan")
    TRIAL_OFFERED = "trial_offered", _("Ditawari masa percobaan")
    TRIAL_ACCEPTED = "trial_accepted", _("Menjalani masa percobaan")
    HIRED = "hired", _("Diterima")
    DECLINED = "declined", _("Tidak dilanjutkan")
    WITHDRAWN = "withdrawn", _("Ditarik pelamar")


class TrialPayBasis(models.TextChoices):
    """How the pay of a trial offered to an applicant is counted."""

    PER_DAY = "per_day", _("per hari")
    TOTAL = "total", _("total untuk seluruh masa percobaan")


class RejectionTemplate(models.TextChoices):
    """Ready-made reasons a moderator can pick; the owner sees the text (plus any note)."""

    PAY_UNCLEAR = (
        "pay_unclear",
        _("Gaji belum jelas. Sebutkan nominal dan sistem gajinya (per jam/hari/bulan/komisi)."),
    )
    DUTIES_UNCLEAR = (
        "duties_unclear",
        _("Tugas belum jelas. Jelaskan pekerjaan sehari-hari dan channel yang dipakai."),
    )
    ASKS_FOR_MONEY = (
        "asks_for_money",
        _("Lowongan meminta biaya atau deposit dari pelamar. Ini tidak diizinkan."),
    )
    PERSONAL_DATA = "personal_data", _("Lowongan meminta data pribadi sensitif (KTP, OTP, PIN, rekening).")
    NOT_CS = (
        "not_cs",
        _("Bukan lowongan admin/CS. Loker CS khusus pekerjaan layanan pelanggan dan admin online."),
    )
    DUPLICATE = "duplicate", _("Lowongan duplikat dari lowongan yang sudah ada.")
    CONTACT_IN_TEXT = (
        "contact_in_text",
        _("Hapus nomor telepon/link kontak dari deskripsi; pelamar melamar lewat Loker CS."),
    )


# Why a gig was rejected, by code: the moderator's templates plus the system's own reasons.
# The owner reads the label in their language; the moderator's free note is shown as typed.
REJECTION_LABELS = {
    **dict(RejectionTemplate.choices),
    "owner_deleted": _("Akun pemilik usaha dihapus"),
    "owner_banned": _("Akun pemilik diblokir"),
    "guidelines": _(
        "Lowongan belum memenuhi pedoman Loker CS. Periksa gaji, tugas dan kontak, lalu ajukan lagi."
    ),
}
