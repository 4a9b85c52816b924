"""Generated demo pictures: product cards, page banners and round logos, as JPEG bytes.

Text needs a TrueType font with Vietnamese glyphs. The font comes from the ``font-source-sans-pro``
package (SIL OFL 1.1) when it is installed, else from ``font-roboto`` (Apache 2.0), else from a
common system font. Pillow's built-in font is the last resort: it has no Vietnamese letters, so
text is then folded to plain ASCII.
"""

import io
import math
import os
import unicodedata
from functools import lru_cache
from importlib import resources

from PIL import Image, ImageColor, ImageDraw, ImageFont

# (package, bold file, regular file) for fonts shipped inside PyPI packages.
_PACKAGED_FONTS = [
    ("font_source_sans_pro", "files/SourceSansPro-Bold.ttf", "files/SourceSansPro-Regular.ttf"),
    ("font_roboto", "files/Roboto-Bold.ttf", "files/Roboto-Regular.ttf"),
]

# (bold, regular) system fonts known to cover Vietnamese.
_SYSTEM_FONTS = [
    (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    ),
    (
        "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    ),
    (
        "/usr/share/fonts/opentype/noto/NotoSans-Bold.otf",
        "/usr/share/fonts/opentype/noto/NotoSans-Regular.otf",
    ),
    (
        "/usr/share/fonts/truetype/roboto/unhinted/RobotoTTF/Roboto-Bold.ttf",
        "/usr/share/fonts/truetype/roboto/unhinted/RobotoTTF/Roboto-Regular.ttf",
    ),
    ("/usr/share/fonts/TTF/DejaVuSans-Bold.ttf", "/usr/share/fonts/TTF/DejaVuSans.ttf"),
    ("/System/Library/Fonts/Supplemental/Arial Bold.ttf", "/System/Library/Fonts/Supplemental/Arial.ttf"),
    ("C:\\Windows\\Fonts\\arialbd.ttf", "C:\\Windows\\Fonts\\arial.ttf"),
]

_SUPERSAMPLE = 2  # motifs are drawn twice as large, then shrunk: smooth circles and curves


@lru_cache(maxsize=2)
def font_path(bold=True):
    """Path of the best available Vietnamese-capable font, or None if there is none."""
    for package, bold_file, regular_file in _PACKAGED_FONTS:
        try:
            candidate = resources.files(package).joinpath(bold_file if bold else regular_file)
        except (ModuleNotFoundError, TypeError):
            continue
        if candidate.is_file():
            return os.fspath(candidate)
    for bold_path, regular_path in _SYSTEM_FONTS:
        path = bold_path if bold else regular_path
        if os.path.isfile(path):
            return path
    return None


def _renderable(text):
    """Pillow's built-in font has no Vietnamese letters: fold to ASCII rather than draw boxes."""
    if font_path(True):
        return text
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=64)
def _font(size, bold=True):
    path = font_path(bold)
    if path:
        return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)


# --------------------------------------------------------------------------------------------
# Colour helpers.
# --------------------------------------------------------------------------------------------


def _rgb(colour):
    return ImageColor.getrgb(colour)[:3]


def _mix(rgb, other, amount):
    return tuple(round(a + (b - a) * amount) for a, b in zip(rgb, other, strict=True))


def _luminance(rgb):
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _readable_base(colour):
    """The colour, darkened until white text on it has a contrast ratio of at least 4.5:1."""
    rgb = _rgb(colour)
    while 1.05 / (_luminance(rgb) + 0.05) < 4.5:
        rgb = _mix(rgb, (0, 0, 0), 0.08)
    return rgb


# --------------------------------------------------------------------------------------------
# Drawing helpers. All take sizes in final pixels; ``s`` is the supersampling factor.
# --------------------------------------------------------------------------------------------


def _gradient(size, colour, horizontal=False):
    """A soft diagonal (or left-to-right) gradient from a light tint to a deep shade of the colour."""
    base = _readable_base(colour)
    light = Image.new("RGB", size, _mix(base, (255, 255, 255), 0.16))
    dark = Image.new("RGB", size, _mix(base, (0, 0, 0), 0.38))
    vertical = Image.linear_gradient("L")
    across = vertical.transpose(Image.Transpose.ROTATE_90).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    mask = across if horizontal else Image.blend(vertical, across, 0.5)
    mask = mask.resize(size, Image.Resampling.BILINEAR)
    return Image.composite(dark, light, mask)


def _waves(draw, width, height, top, amplitude, alpha, phase):
    """Two rolling hills (or waves) across the bottom of the picture."""
    for layer, (lift, fill_alpha) in enumerate(((0, alpha), (amplitude * 1.6, alpha // 2))):
        points = []
        for x in range(0, width + 9, 8):
            y = top + lift + amplitude * math.sin((x / width) * 2.2 * math.pi + phase + layer * 1.3)
            points.append((x, y))
        points += [(width, height), (0, height)]
        draw.polygon(points, fill=(255, 255, 255, fill_alpha))


def _wrap(text, font, max_width):
    """Greedy word wrap by rendered width."""
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if font.getlength(trial) <= max_width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def _fit(text, bold, start, minimum, max_width, max_lines):
    """The largest font size (down to ``minimum``) at which the text wraps into ``max_lines``."""
    size = start
    while True:
        font = _font(size, bold)
        lines = _wrap(text, font, max_width)
        widest = max((font.getlength(line) for line in lines), default=0)
        if (len(lines) <= max_lines and widest <= max_width) or size <= minimum:
            if len(lines) > max_lines:  # still too long at the smallest size: cut with an ellipsis
                lines = lines[:max_lines]
                lines[-1] = lines[-1].rstrip(".,;: ") + "…"
            return font, size, lines
        size = max(minimum, int(size * 0.92))


def _text_block(draw, lines, font, size, x, y, align="left", width=0, shadow=True):
    """Draw lines of white text from (x, y); return the y below the block."""
    line_height = round(size * 1.22)
    for line in lines:
        lx = x
        if align == "center":
            lx = x + (width - font.getlength(line)) / 2
        if shadow:
            draw.text((lx, y + max(2, size // 22)), line, font=font, fill=(0, 0, 0, 70))
        draw.text((lx, y), line, font=font, fill=(255, 255, 255, 255))
        y += line_height
    return y


def _background(size, colour, motif, horizontal=False):
    """The gradient with a white motif drawn by ``motif(draw, w, h)`` at a larger scale, then shrunk."""
    image = _gradient(size, colour, horizontal).convert("RGBA")
    s = _SUPERSAMPLE
    layer = Image.new("RGBA", (size[0] * s, size[1] * s), (255, 255, 255, 0))
    motif(ImageDraw.Draw(layer), size[0] * s, size[1] * s)
    return Image.alpha_composite(image, layer.reduce(s))


def _jpeg(image, size):
    image = image.convert("RGB")
    if image.size != tuple(size):
        image = image.resize(size, Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88, optimize=True)
    return out.getvalue()


def _phase(text):
    """A stable per-title wave phase, so cards of one colour do not all look alike."""
    return (sum(map(ord, text)) % 628) / 100


# --------------------------------------------------------------------------------------------
# Public API.
# --------------------------------------------------------------------------------------------


def product_card(title: str, subtitle: str, colour: str, size=(800, 800)) -> bytes:
    """A square product picture: gradient, soft circles and waves, the title in large white type."""
    title, subtitle = _renderable(title), _renderable(subtitle or "")

    def motif(draw, w, h):
        """A large soft disc and a ring top right, a dotted patch top left, waves at the bottom."""
        unit = min(w, h)
        draw.ellipse((w - unit * 0.55, -unit * 0.25, w + unit * 0.25, unit * 0.55), fill=(255, 255, 255, 30))
        draw.ellipse(
            (w - unit * 0.42, unit * 0.02, w - unit * 0.08, unit * 0.36),
            outline=(255, 255, 255, 55),
            width=max(2, unit // 110),
        )
        step, r = unit * 0.045, unit * 0.006
        for row in range(4):
            for col in range(5):
                cx, cy = unit * 0.08 + col * step, unit * 0.08 + row * step
                draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(255, 255, 255, 90))
        _waves(draw, w, h, top=h * 0.80, amplitude=h * 0.025, alpha=38, phase=_phase(title))

    image = _background(size, colour, motif)
    w, h = size
    unit = min(w, h)
    overlay = Image.new("RGBA", size, (255, 255, 255, 0))
    draw = ImageDraw.Draw(overlay)
    pad = unit * 0.085
    text_width = w - 2 * pad
    title_font, title_size, title_lines = _fit(
        title, True, round(unit * 0.10), round(unit * 0.05), text_width, 5
    )
    sub_font, sub_size, sub_lines = (
        _fit(subtitle, False, round(unit * 0.042), round(unit * 0.03), text_width, 2)
        if subtitle
        else (None, 0, [])
    )
    accent = round(unit * 0.012)
    block = len(title_lines) * round(title_size * 1.22)
    if sub_lines:
        block += accent + unit * 0.05 + len(sub_lines) * round(sub_size * 1.22)
    y = max(unit * 0.2, (h * 0.8 - block) / 2 + unit * 0.03)
    y = _text_block(draw, title_lines, title_font, title_size, pad, y)
    if sub_lines:
        y += unit * 0.02
        draw.rounded_rectangle(
            (pad, y, pad + unit * 0.12, y + accent), radius=accent // 2, fill=(255, 255, 255, 220)
        )
        y += accent + unit * 0.03
        _text_block(draw, sub_lines, sub_font, sub_size, pad, y, shadow=False)
    image = Image.alpha_composite(image, overlay)
    return _jpeg(image, size)


def banner(title: str, subtitle: str, colour: str, size=(1600, 600)) -> bytes:
    """A wide hero picture for pages and enterprise profiles."""
    title, subtitle = _renderable(title), _renderable(subtitle or "")

    def motif(draw, w, h):
        """Overlapping discs and a ring on the right, waves along the bottom."""
        draw.ellipse((w - h * 0.95, -h * 0.35, w + h * 0.35, h * 0.95), fill=(255, 255, 255, 26))
        draw.ellipse((w - h * 1.25, h * 0.35, w - h * 0.45, h * 1.15), fill=(255, 255, 255, 18))
        draw.ellipse(
            (w - h * 0.62, h * 0.18, w - h * 0.18, h * 0.62),
            outline=(255, 255, 255, 60),
            width=max(2, h // 90),
        )
        _waves(draw, w, h, top=h * 0.84, amplitude=h * 0.03, alpha=34, phase=_phase(title))

    image = _background(size, colour, motif, horizontal=True)
    w, h = size
    overlay = Image.new("RGBA", size, (255, 255, 255, 0))
    draw = ImageDraw.Draw(overlay)
    pad_x, text_width = h * 0.16, w * 0.64
    title_font, title_size, title_lines = _fit(title, True, round(h * 0.15), round(h * 0.075), text_width, 2)
    sub_font, sub_size, sub_lines = (
        _fit(subtitle, False, round(h * 0.065), round(h * 0.045), text_width, 2)
        if subtitle
        else (None, 0, [])
    )
    block = len(title_lines) * round(title_size * 1.22)
    if sub_lines:
        block += h * 0.05 + len(sub_lines) * round(sub_size * 1.22)
    y = (h * 0.86 - block) / 2
    y = _text_block(draw, title_lines, title_font, title_size, pad_x, y)
    if sub_lines:
        _text_block(draw, sub_lines, sub_font, sub_size, pad_x, y + h * 0.05, shadow=False)
    image = Image.alpha_composite(image, overlay)
    return _jpeg(image, size)


def logo(initials: str, colour: str, size=(300, 300)) -> bytes:
    """A round badge with one to three initials on a white square."""
    s = 4  # a small picture: draw all of it four times larger, then shrink
    w, h = size[0] * s, size[1] * s
    unit = min(w, h)
    image = Image.new("RGBA", (w, h), (255, 255, 255, 255))
    disc = _gradient((unit, unit), colour).convert("RGBA")
    mask = Image.new("L", (unit, unit), 0)
    margin = unit * 0.04
    ImageDraw.Draw(mask).ellipse((margin, margin, unit - margin, unit - margin), fill=255)
    image.paste(disc, ((w - unit) // 2, (h - unit) // 2), mask)
    overlay = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    cx, cy = w / 2, h / 2
    ring = unit * 0.40
    draw.ellipse(
        (cx - ring, cy - ring, cx + ring, cy + ring), outline=(255, 255, 255, 120), width=max(2, unit // 70)
    )
    text = _renderable("".join(initials.split()).upper()[:3]) or "?"
    font, font_size, _lines = _fit(
        text, True, round(unit * (0.36 if len(text) < 3 else 0.27)), round(unit * 0.15), unit * 0.62, 1
    )
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    x = cx - (left + right) / 2
    y = cy - (top + bottom) / 2
    draw.text((x, y + font_size * 0.03), text, font=font, fill=(0, 0, 0, 60))
    draw.text((x, y), text, font=font, fill=(255, 255, 255, 255))
    image = Image.alpha_composite(image, overlay)
    return _jpeg(image, size)
