"""Vietnamese by default, English on request, money in whole đồng."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_pages_are_vietnamese_by_default_even_for_english_browsers(client):
    response = client.get(reverse("catalogue:index"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    html = response.content.decode()
    assert '<html lang="vi"' in html
    assert "Tìm kiếm" in html
    assert response["Content-Language"] == "vi"


def test_english_can_be_chosen_from_any_page(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("catalogue:index")})
    assert response.status_code == 302
    assert response["Location"] == "/en/catalogue/"  # the English address of the same page
    html = client.get(reverse("catalogue:index"), follow=True).content.decode()
    assert '<html lang="en"' in html
    assert "Search" in html


def test_an_unknown_language_cookie_falls_back_to_vietnamese(client):
    client.cookies["language"] = "xx"
    assert '<html lang="vi"' in client.get("/").content.decode()


@pytest.mark.parametrize("language", ["vi", "en"])
def test_prices_read_as_whole_dong(language):
    template = Template("{% load currency_filters %}{{ amount|currency:'VND' }}")
    with translation.override(language):
        assert template.render(Context({"amount": Decimal("125000.00")})) == "125.000 ₫"
        assert template.render(Context({"amount": Decimal("1250000")})) == "1.250.000 ₫"


def test_vietnamese_catalogue_is_complete():
    from pathlib import Path

    po = Path(__file__).resolve().parents[2] / "marketplace/locale/vi/LC_MESSAGES/django.po"
    text = po.read_text(encoding="utf-8")
    assert "#, fuzzy" not in text.split("\n\n", 1)[1]
    entries = text.split("\n\n")[1:]
    untranslated = [
        entry for entry in entries if entry.rstrip().endswith('msgstr ""') and "msgid_plural" not in entry
    ]
    assert not untranslated, untranslated[:3]
    assert po.with_suffix(".mo").exists()
