from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_IMAGE_BYTES = 2 * 1024 * 1024


def validate_indonesian_mobile(value) -> None:
    """WhatsApp numbers must be Indonesian (+62) mobile numbers (08xx…)."""
    if not value:
        return
    if getattr(value, "country_code", None) != 62:
        raise ValidationError(
            _("Gunakan nomor HP Indonesia, contoh 0812-3456-7890 atau +62 812-3456-7890."),
            code="not_indonesian",
        )
    national = str(getattr(value, "national_number", ""))
    if not national.startswith("8") or not 9 <= len(national) <= 12:
        raise ValidationError(
            _("Nomor WhatsApp harus nomor HP Indonesia, contoh 0812 3456 7890."), code="not_mobile"
        )


def validate_image_upload(file) -> None:
    if file and file.size > MAX_IMAGE_BYTES:
        raise ValidationError(_("Ukuran gambar maksimal 2 MB."), code="too_big")


MAX_PDF_BYTES = 2 * 1024 * 1024
PDF_MAGIC = b"%PDF-"


def validate_pdf_upload(file) -> None:
    """Portfolio PDFs: at most 2 MB, named .pdf and really a PDF by content.

    The extension alone proves nothing (a renamed .exe is still an .exe), so the first bytes
    must be the PDF signature `%PDF-`.
    """
    if not file:
        return
    if file.size > MAX_PDF_BYTES:
        raise ValidationError(_("Ukuran file maksimal 2 MB."), code="too_big")
    if not str(file.name).lower().endswith(".pdf"):
        raise ValidationError(_("Hanya file PDF yang bisa diunggah."), code="not_pdf")
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(len(PDF_MAGIC))
    file.seek(position)
    if head != PDF_MAGIC:
        raise ValidationError(
            _("File ini bukan PDF yang valid. Simpan ulang dokumen sebagai PDF lalu unggah lagi."),
            code="not_pdf",
        )
