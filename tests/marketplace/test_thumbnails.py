"""Thumbnails are files named by their options: made once, never recorded in the database."""

import io

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image

from marketplace.thumbnails import StorageThumbnailer, parse_size


def a_picture(name, size=(800, 600)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "#1f6f43").save(buffer, "JPEG")
    return default_storage.save(name, ContentFile(buffer.getvalue()))


def test_sizes_follow_oscars_geometry_strings():
    assert parse_size("440x400") == (440, 400)
    assert parse_size("x155") == (None, 155)
    assert parse_size("65x") == (65, None)


def test_a_thumbnail_is_made_once_and_fits_the_box():
    source = a_picture("tests/picture.jpg")
    thumbnailer = StorageThumbnailer()
    first = thumbnailer.generate_thumbnail(source, size="x155", upscale=False)
    second = thumbnailer.generate_thumbnail(source, size="x155", upscale=False)
    assert first == second
    with default_storage.open(first.name) as handle, Image.open(handle) as image:
        assert image.height == 155
        assert image.width == round(800 * 155 / 600)


def test_crop_fills_the_box_exactly():
    source = a_picture("tests/wide.jpg", size=(900, 300))
    thumb = StorageThumbnailer().generate_thumbnail(source, size="65x55", crop="center")
    with default_storage.open(thumb.name) as handle, Image.open(handle) as image:
        assert image.size == (65, 55)


def test_a_missing_or_broken_source_falls_back_without_an_error():
    thumbnailer = StorageThumbnailer()
    assert thumbnailer.generate_thumbnail("no/such/file.jpg", size="x155").url.endswith("no/such/file.jpg")
    broken = default_storage.save("tests/broken.jpg", ContentFile(b"not an image"))
    assert thumbnailer.generate_thumbnail(broken, size="x155").name == broken
