"""Autocomplete: the JSON the header search box asks for on each keystroke, and the box itself."""

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.text import fold
from search.models import TitleKey

Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.django_db

SUGGEST = reverse("search:suggest")


def suggestions(client, **params):
    response = client.get(SUGGEST, params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()["suggestions"]


def a_title():
    return Product.objects.browsable().order_by("pk").values_list("title", flat=True).first()


def test_the_start_of_a_title_without_diacritics_suggests_it(client):
    title = a_title()
    first, second = fold(title).split()[:2]
    typed = f"{first} {second[:1]}"  # "mat o" for "Mật ong ..."
    found = suggestions(client, q=typed)
    assert found, typed
    assert all({"title", "url"} == set(item) for item in found)
    assert any(fold(item["title"]).startswith(f"{first} {second[:1]}") for item in found)
    assert all(item["url"].startswith("/") for item in found)


def test_titles_starting_with_the_typed_words_come_first_then_titles_holding_them_as_typed(
    client, new_product, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # indexed as their listing commits
        new_product("Omega bánh zeta")  # both words, not as typed
        new_product("Bánh zeta omega")  # as typed, inside the title
        new_product("Zeta omega nguyên chất loại đặc biệt hộp quà lớn")  # as typed, from the start

    found = [item["title"] for item in suggestions(client, q="zeta ome")]

    assert found == [
        "Zeta omega nguyên chất loại đặc biệt hộp quà lớn",
        "Bánh zeta omega",
        "Omega bánh zeta",
    ]


def test_each_suggestion_leads_to_a_product_page(client):
    title = a_title()
    for item in suggestions(client, q=fold(title)[:6]):
        assert client.get(item["url"]).status_code == 200


def test_suggestions_are_few(client):
    assert len(suggestions(client, q="a" * 2, limit=50)) <= 10
    assert len(suggestions(client, q=fold(a_title())[:3], limit=3)) <= 3


@pytest.mark.parametrize("typed", ["", " ", "m", "*", '"'])
def test_too_little_to_go_on_gives_nothing(client, typed):
    assert suggestions(client, q=typed) == []


@pytest.mark.parametrize(
    "typed",
    [
        "x" * 10_000,
        '"mat o',
        "mat*",
        "NEAR mat",
        "-mat",
        "title:mat",
        "^mat",
        "' OR 1=1 --",
        "'; DROP TABLE catalogue_product; --",
        "%%",
        "😀😀",
    ],
)
def test_odd_input_answers_json_never_an_error(client, typed):
    assert isinstance(suggestions(client, q=typed), list)
    assert Product.objects.exists()


def test_a_nul_byte_is_refused_like_in_any_address(client):
    """No keyboard types one; every address holding one is a 400 (marketplace.url_checks)."""
    response = client.get(SUGGEST, {"q": "mật ong\x00"})
    assert response.status_code == 400
    assert Product.objects.exists()


@pytest.mark.parametrize("limit", ["abc", "-3", "0", "9" * 50])
def test_an_odd_limit_is_bounded(client, limit):
    assert len(suggestions(client, q=fold(a_title())[:3], limit=limit)) <= 10


def test_answers_may_be_cached_briefly(client):
    response = client.get(SUGGEST, {"q": "mat o"})
    assert "max-age=60" in response["Cache-Control"]


def test_the_header_box_is_a_plain_form_enhanced_into_a_combobox(client):
    html = client.get(reverse("catalogue:index")).content.decode()
    assert 'role="search"' in html and f'data-suggest-url="{SUGGEST}"' in html
    assert 'role="listbox"' in html and 'aria-live="polite"' in html
    assert "search/suggest.js" in html


def test_the_script_implements_the_keyboard_pattern():
    script = Path(finders.find("search/suggest.js")).read_text(encoding="utf-8")
    for needed in ("ArrowDown", "ArrowUp", "Enter", "Escape", "aria-activedescendant", "aria-expanded"):
        assert needed in script


def test_the_typed_words_in_another_order_still_suggest_the_title(client, new_product, committed):
    with committed():
        new_product("Zeta omega nguyên chất")

    assert [item["title"] for item in suggestions(client, q="omega zet")] == ["Zeta omega nguyên chất"]


def test_title_keys_follow_the_title_as_it_is_edited_and_withdrawn(new_product, committed):
    """Autocomplete reads these keys (each title from each of its words on), never the titles."""
    with committed():
        product = new_product("Zeta omega")
    keys = TitleKey.objects.filter(record=product.pk).order_by("position")
    assert list(keys.values_list("position", "folded")) == [(0, "zeta omega"), (1, "omega")]

    with committed():
        product.title = "Mật zeta"
        product.save()
    assert list(keys.values_list("position", "folded")) == [(0, "mat zeta"), (1, "zeta")]

    with committed():
        product.is_public = False
        product.save()
    assert not keys.exists()


def test_a_long_title_is_found_by_the_start_of_its_keys(client, new_product, committed):
    title = "Zeta " + " ".join(["omega"] * 20)  # longer than a key
    with committed():
        new_product(title)

    assert [item["title"] for item in suggestions(client, q=fold(title)[:150])] == [title]
