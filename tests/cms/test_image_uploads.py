"""Pictures editors upload are judged by their content: nothing but a real picture is stored."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Collection

from cms.image_forms import refusals

pytestmark = pytest.mark.django_db

ADD = "/cms/images/add/"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
HTML = b"<!doctype html><html><body><script>alert(1)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'


def picture(size=(40, 20), mode="RGB", format="PNG"):
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, format=format)
    return buffer.getvalue()


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def add_image(client, name, content, title="Ruộng muối"):
    return client.post(
        ADD,
        {
            "title": title,
            "file": SimpleUploadedFile(name, content, content_type="image/jpeg"),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def refusal(response):
    assert response.status_code == 200  # the form again, with its error
    return " ".join(response.context["form"].errors["file"])


@pytest.mark.parametrize(
    "name, content",
    [("ruong-muoi.jpg", PDF), ("ruong-muoi.jpg", HTML), ("ruong-muoi.svg", SVG), ("ruong-muoi.jpg", SVG)],
    ids=["pdf-renamed-jpg", "html-renamed-jpg", "svg-with-script", "svg-renamed-jpg"],
)
def test_a_file_that_is_not_a_picture_is_refused_and_nothing_is_stored(
    editor_client, in_english, name, content
):
    before = get_image_model().objects.count()
    message = refusal(add_image(editor_client, name, content))
    assert re.search(r"not (a|an) (valid )?(\.\w+ )?(image|picture)", message), message
    assert get_image_model().objects.count() == before


def test_the_refusal_reads_in_vietnamese_by_default(editor_client):
    assert "ảnh" in refusal(add_image(editor_client, "ruong-muoi.jpg", PDF))  # "…không phải là hình ảnh…"


def test_an_svg_refusal_is_written_in_the_editors_language(editor_client):
    """Wagtail writes its own once, in the language of the process that built the form."""
    message = refusal(add_image(editor_client, "ruong-muoi.svg", SVG))
    with translation.override("vi"):
        assert message == refusals()["invalid_image_extension"]


def test_a_picture_too_large_once_decoded_is_refused(editor_client):
    """A decompression bomb: a small file of a 100-million-pixel picture."""
    before = get_image_model().objects.count()
    bomb = picture(size=(10_000, 10_000), mode="1")
    assert len(bomb) < 2 * 1024 * 1024
    message = refusal(add_image(editor_client, "ban-do.png", bomb))
    assert "điểm ảnh" in message or "pixel" in message, message
    assert get_image_model().objects.count() == before


def test_a_real_picture_is_stored(editor_client):
    before = get_image_model().objects.count()
    response = add_image(editor_client, "ruong-muoi.png", picture())
    assert response.status_code == 302
    assert get_image_model().objects.count() == before + 1
