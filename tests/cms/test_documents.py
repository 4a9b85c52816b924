"""Wagtail documents are public downloads: judged by their content when uploaded, served as what they are."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.models import Collection

pytestmark = pytest.mark.django_db

Document = get_document_model()

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200
ADD = "/cms/documents/add/"
ADD_MANY = "/cms/documents/multiple/add/"


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "green").save(buffer, format="PNG")
    return buffer.getvalue()


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def add_document(client, name, content, title="Quy chế chợ"):
    return client.post(
        ADD,
        {"title": title, "file": upload(name, content), "collection": Collection.get_first_root_node().pk},
    )


def stored_files(settings):
    folder = settings.MEDIA_ROOT / "documents"
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


def test_a_program_renamed_pdf_is_refused_with_a_message_and_nothing_is_stored(editor_client, settings):
    files_before = stored_files(settings)
    response = add_document(editor_client, "quy-che.pdf", EXE)

    assert response.status_code == 200
    assert "Giấy tờ phải là tệp PDF, JPEG hoặc PNG." in response.content.decode()
    assert not Document.objects.filter(title="Quy chế chợ").exists()
    assert stored_files(settings) == files_before


def test_the_refusal_reads_in_english_for_an_english_editor(editor_client, in_english):
    response = add_document(editor_client, "rules.pdf", EXE)
    assert "The document must be a PDF, JPEG or PNG file." in response.content.decode()


def test_a_picture_named_pdf_is_refused_until_its_name_says_png(editor_client, in_english):
    response = add_document(editor_client, "ban-do.pdf", png_bytes(), title="Bản đồ chợ")
    assert response.status_code == 200
    assert "This file is a PNG, but its name says otherwise." in response.content.decode()
    assert not Document.objects.filter(title="Bản đồ chợ").exists()

    assert add_document(editor_client, "ban-do.png", png_bytes(), title="Bản đồ chợ").status_code == 302
    assert Document.objects.filter(title="Bản đồ chợ").exists()


def test_the_multiple_uploader_refuses_a_renamed_program_too(editor_client):
    count = Document.objects.count()
    response = editor_client.post(ADD_MANY, {"files[]": upload("bang-gia.pdf", EXE)})

    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert "Giấy tờ phải là tệp PDF, JPEG hoặc PNG." in answer["error_message"]
    assert Document.objects.count() == count


def test_replacing_a_documents_file_with_a_program_is_refused(editor_client):
    assert add_document(editor_client, "quy-che.pdf", PDF).status_code == 302
    document = Document.objects.get(title="Quy chế chợ")
    collection = Collection.get_first_root_node().pk
    edit = f"/cms/documents/edit/{document.pk}/"

    refused = editor_client.post(
        edit, {"title": "Quy chế chợ", "file": upload("quy-che.pdf", EXE), "collection": collection}
    )
    assert refused.status_code == 200
    document.refresh_from_db()
    assert document.file.read().startswith(b"%PDF-")

    renamed = editor_client.post(edit, {"title": "Quy chế chợ 2026", "collection": collection})
    assert renamed.status_code == 302
    document.refresh_from_db()
    assert document.title == "Quy chế chợ 2026"


def test_a_real_pdf_is_published_and_downloads_with_honest_headers(editor_client, client):
    assert add_document(editor_client, "quy-che.pdf", PDF).status_code == 302
    document = Document.objects.get(title="Quy chế chợ")

    response = client.get(document.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")  # PDFs open in the browser
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Content-Encoding" not in response


def test_a_picture_document_is_a_download_with_honest_headers(editor_client, client):
    assert add_document(editor_client, "ban-do.png", png_bytes(), title="Bản đồ chợ").status_code == 302
    document = Document.objects.get(title="Bản đồ chợ")

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("attachment")
    assert re.search(r'filename="ban-do[^"]*\.png"', response["Content-Disposition"])
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Content-Encoding" not in response
