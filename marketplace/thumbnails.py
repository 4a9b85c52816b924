"""Product image thumbnails kept as files next to the originals.

Oscar's default thumbnailer (sorl-thumbnail) records every thumbnail in a
database table the first time a page shows it, so a shopper's GET writes to
the database. This one derives the thumbnail's file name from the source
and the options and asks the storage whether it exists: no table, no writes
to the database, and any worker can make a missing thumbnail.
"""

import hashlib
import io
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from oscar.core.thumbnails import AbstractThumbnailer
from PIL import Image, ImageOps

logger = logging.getLogger(__name__)

THUMBNAIL_FOLDER = "thumbnails"


@dataclass(frozen=True)
class Thumbnail:
    name: str
    url: str


def parse_size(size):
    """ "440x400" -> (440, 400); "x155" -> (None, 155); "200" or "200x" -> (200, None)."""
    width, _, height = str(size).partition("x")
    return (int(width) if width else None, int(height) if height else None)


def thumbnail_name(source_name, size, crop, upscale, quality):
    digest = hashlib.sha1(f"{source_name}|{size}|{crop}|{upscale}|{quality}".encode()).hexdigest()
    return f"{THUMBNAIL_FOLDER}/{digest[:2]}/{digest}.jpg"


def render_thumbnail(image, width, height, crop=None, upscale=True):
    """Resize a Pillow image to fit (or, with crop, to fill) the box."""
    image = ImageOps.exif_transpose(image).convert("RGB")
    if width is None:
        width = round(image.width * height / image.height)
    if height is None:
        height = round(image.height * width / image.width)
    if not upscale:
        width, height = min(width, image.width), min(height, image.height)
    if crop:
        return ImageOps.fit(image, (width, height), Image.Resampling.LANCZOS)
    image.thumbnail((width, height), Image.Resampling.LANCZOS)
    return image


class StorageThumbnailer(AbstractThumbnailer):
    def __init__(self, storage=None):
        self.storage = storage or default_storage

    def generate_thumbnail(self, source, size, crop=None, upscale=True, quality=85, **unused):
        source_name = getattr(source, "name", source) or settings.OSCAR_MISSING_IMAGE_URL
        name = thumbnail_name(source_name, size, crop, upscale, quality)
        if not self.storage.exists(name):
            try:
                self._make(source_name, name, size, crop, upscale, quality)
            except (OSError, ValueError, Image.DecompressionBombError) as error:
                logger.warning("No thumbnail for %s: %s", source_name, error)
                return Thumbnail(source_name, self.storage.url(source_name))
        return Thumbnail(name, self.storage.url(name))

    def _make(self, source_name, name, size, crop, upscale, quality):
        width, height = parse_size(size)
        with self.storage.open(source_name, "rb") as handle, Image.open(handle) as image:
            thumbnail = render_thumbnail(image, width, height, crop=crop, upscale=upscale)
        buffer = io.BytesIO()
        thumbnail.save(buffer, "JPEG", quality=quality, optimize=True, progressive=True)
        saved = self.storage.save(name, ContentFile(buffer.getvalue()))
        if saved != name:  # another worker made it first
            self.storage.delete(saved)

    def delete_thumbnails(self, source):
        """Thumbnails are addressed by content options, not listed; they age out with the folder."""


# The thumbnails the templates ask for, made by a worker when the image is uploaded so
# no shopper waits for them (the options are the templates' own: the same file names).
VARIANTS = {
    "product-image": (
        {"size": "320x320", "crop": "center"},  # product cards (catalogue.cards.THUMBNAIL_SIZE)
        {"size": "440x400", "upscale": False},  # the product page's gallery
        {"size": "65x55", "crop": "center"},  # the gallery's strip
        {"size": "100x100", "upscale": False},  # basket lines
        {"size": "160x160", "upscale": False},  # traceability pages
    ),
    "enterprise-logo": ({"size": "120x120", "crop": "center"}, {"size": "120x120", "upscale": False}),
    "enterprise-banner": (
        {"size": "1110x280", "crop": "center"},  # the storefront's banner
        {"size": "555x140", "crop": "center"},  # the same banner on phones (its srcset)
        {"size": "740x187", "crop": "center"},  # and on phones of twice the pixel density
        {"size": "360x120", "upscale": False},
    ),
}


def make_thumbnails(source_name, family):
    """Make every thumbnail of ``family`` for this stored image (those already made are kept)."""
    thumbnailer = StorageThumbnailer()
    return [thumbnailer.generate_thumbnail(source_name, **options).name for options in VARIANTS[family]]
