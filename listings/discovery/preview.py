"""The picture a shared gig link shows (OpenGraph / Twitter card): 1200×630 PNG with the
gig's title, pay and place, drawn with Pillow's bundled font and stored once per version.

The file name carries a digest of what is drawn, so an edit (new title, pay…) makes a new
picture and link previews never show stale pay.
"""

from __future__ import annotations

import hashlib
import io

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageFont

from ..models import Gig
from ..money import format_rupiah

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
BRAND = (11, 110, 79)
INK = (28, 36, 48)
MUTED = (91, 102, 117)
PAPER = (246, 247, 249)
# Bump when the layout changes: every picture is drawn again.
LAYOUT_VERSION = "1"


def _lines(gig: Gig) -> dict[str, str]:
    profile = getattr(gig.employer, "employer_profile", None)
    estimate = ""
    if gig.pay_estimate_month:
        estimate = _("Perkiraan %(amount)s / bulan") % {"amount": format_rupiah(gig.pay_estimate_month)}
    return {
        "title": gig.title,
        "pay": gig.pay_display,
        "estimate": estimate,
        "place": gig.location_display,
        "employer": profile.business_name if profile else gig.employer.display_name,
    }


# Stand-ins for common characters the bundled font cannot draw (it would show a box).
_FALLBACK = {"–": "-", "—": "-", "≈": "~", "…": "...", "“": '"', "”": '"', "‘": "'", "’": "'"}


def _drawable(text: str, font) -> str:
    """Replace characters the font has no glyph for (they render as its "missing" box)."""
    missing = bytes(font.getmask("\uffff"))
    out = []
    for char in text:
        if char != " " and bytes(font.getmask(char)) == missing:
            char = _FALLBACK.get(char, "")
        out.append(char)
    return "".join(out)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int, max_lines: int) -> list[str]:
    words, lines, current = _drawable(text, font).split(), [], ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if draw.textlength(candidate, font=font) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        while lines[-1] and draw.textlength(lines[-1] + "...", font=font) > width:
            lines[-1] = lines[-1][:-1]
        lines[-1] = lines[-1].rstrip() + "..."
    return lines


def render_preview(gig: Gig) -> bytes:
    """Draw the picture (PNG bytes)."""
    lines = _lines(gig)
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, WIDTH, 18], fill=BRAND)
    brand_font = ImageFont.load_default(size=44)
    draw.text((MARGIN, 56), "Loker", font=brand_font, fill=INK)
    draw.text((MARGIN + draw.textlength("Loker", font=brand_font), 56), "CS", font=brand_font, fill=BRAND)
    text_width = WIDTH - 2 * MARGIN
    title_font = ImageFont.load_default(size=60)
    y = 150
    for line in _wrap(draw, lines["title"], title_font, text_width, 3):
        draw.text((MARGIN, y), line, font=title_font, fill=INK)
        y += 72
    y += 18
    pay_font = ImageFont.load_default(size=46)
    for line in _wrap(draw, lines["pay"], pay_font, text_width, 1):
        draw.text((MARGIN, y), line, font=pay_font, fill=BRAND)
        y += 58
    small = ImageFont.load_default(size=36)
    for key in ("estimate", "place"):
        if lines[key]:
            draw.text((MARGIN, y), _wrap(draw, lines[key], small, text_width, 1)[0], font=small, fill=MUTED)
            y += 48
    draw.text(
        (MARGIN, HEIGHT - 70), _wrap(draw, lines["employer"], small, text_width, 1)[0], font=small, fill=INK
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def preview_name(gig: Gig) -> str:
    digest = hashlib.sha256("\x1f".join([LAYOUT_VERSION, *_lines(gig).values()]).encode("utf-8")).hexdigest()[
        :16
    ]
    return f"previews/{gig.pk}/{digest}.png"


def gig_preview_png(gig: Gig) -> bytes:
    """The stored picture for the gig's current text, drawn (and older versions removed) on
    first request."""
    name = preview_name(gig)
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as handle:
            return handle.read()
    data = render_preview(gig)
    folder = name.rsplit("/", 1)[0]
    try:
        _dirs, old_files = default_storage.listdir(folder)
    except FileNotFoundError:
        old_files = []
    for old in old_files:
        default_storage.delete(f"{folder}/{old}")
    default_storage.save(name, ContentFile(data))
    return data
