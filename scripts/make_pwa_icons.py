"""Draw the app icons in static/icons/ (run once after changing the brand; PNGs are committed).

.venv/bin/python scripts/make_pwa_icons.py
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

BRAND = (11, 110, 79)
OUT = Path(__file__).resolve().parents[1] / "static" / "icons"


def icon(size: int, *, maskable: bool = False) -> Image.Image:
    image = Image.new("RGB", (size, size), BRAND if maskable else (255, 255, 255))
    draw = ImageDraw.Draw(image)
    if not maskable:
        draw.rounded_rectangle([0, 0, size - 1, size - 1], radius=size // 5, fill=BRAND)
    # Maskable icons keep their content inside the central 80 % "safe zone".
    font = ImageFont.load_default(size=int(size * (0.34 if maskable else 0.42)))
    draw.text((size / 2, size / 2), "CS", font=font, fill=(255, 255, 255), anchor="mm")
    return image


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        icon(size).save(OUT / f"icon-{size}.png", optimize=True)
    icon(512, maskable=True).save(OUT / "icon-maskable-512.png", optimize=True)
