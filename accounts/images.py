"""Business logos: checked, shrunk and re-encoded on upload, so what we store and serve is a
small WebP we wrote ourselves, not the uploaded bytes (no EXIF location, no polyglot files)."""

import io
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

# Formats we take; BMP, ICO, TIFF and the rest are refused with a clear message.
LOGO_FORMATS = {"PNG": "PNG", "JPEG": "JPG", "WEBP": "WebP", "GIF": "GIF"}
LOGO_MAX_SOURCE_SIDE = 2000  # pixels, checked from the header before anything is decoded
LOGO_SIDE = 512  # the stored logo fits in this square
LOGO_QUALITY = 85


def logo_normalise(upload) -> ContentFile:
    """The uploaded logo as a WebP of at most LOGO_SIDE px a side; ValidationError otherwise."""
    upload.seek(0)
    try:
        with Image.open(upload) as source:
            if source.format not in LOGO_FORMATS:
                raise ValidationError(
                    _("Logo harus berupa PNG, JPG, WebP atau GIF (format %(format)s tidak diterima).")
                    % {"format": source.format or "?"},
                    code="logo_format",
                )
            width, height = source.size
            if width > LOGO_MAX_SOURCE_SIDE or height > LOGO_MAX_SOURCE_SIDE:
                raise ValidationError(
                    _("Ukuran logo maksimal %(max)d×%(max)d piksel (gambar ini %(w)d×%(h)d).")
                    % {"max": LOGO_MAX_SOURCE_SIDE, "w": width, "h": height},
                    code="logo_dimensions",
                )
            source.seek(0)  # the first frame of an animation
            image = ImageOps.exif_transpose(source)
            image.thumbnail((LOGO_SIDE, LOGO_SIDE))
            has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
            image = image.convert("RGBA" if has_alpha else "RGB")
            output = io.BytesIO()
            image.save(output, "WEBP", quality=LOGO_QUALITY)
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise ValidationError(
            _("Gambar logo tidak bisa dibaca. Simpan ulang sebagai PNG atau JPG lalu unggah lagi."),
            code="logo_unreadable",
        ) from exc
    return ContentFile(output.getvalue(), name=f"{uuid.uuid4().hex}.webp")
