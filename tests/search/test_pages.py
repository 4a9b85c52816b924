"""The search and catalogue pages: filters from the address, facets, chips, sorting, pages, bad input."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from oscar.core.loading import get_model

from search.query import BadgeKind, Facet
from search.views import ProductListView

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.django_db

SEARCH = reverse("search:search")
CATALOGUE = reverse("catalogue:index")


def page(client, url=SEARCH, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response


def a_word(min_hits=2):
    """A word of a browsable product's title that more than one product shares."""
    titles = Product.objects.browsable().values_list("title", flat=True)
    words = [word.lower() for title in titles for word in title.split() if len(word) > 3 and word.isalpha()]
    return next(word for word in sorted(set(words)) if words.count(word) >= min_hits)


# --- Results ----------------------------------------------------------------------------


def test_words_find_products_shown_as_cards(client):
    word = a_word()
    response = page(client, q=word)
    assert response.context["results"].total >= 2
    assert response.context["query"] == word
    assert b"product_pod" in response.content


def test_cards_show_the_badges_products_earn(client):
    response = page(client, CATALOGUE, badge=BadgeKind.OCOP)
    if not response.context["results"].total:
        response = page(client, CATALOGUE)
    assert b"product-badge" in response.content


def test_catalogue_lists_every_browsable_product(client):
    response = page(client, CATALOGUE)
    assert response.context["results"].total == Product.objects.browsable().count()


def test_category_page_lists_its_products_and_only_offers_its_subcategories(client):
    sector = Category.objects.filter(depth=1, is_public=True).order_by("path").first()
    response = page(client, sector.get_absolute_url())
    in_sector = (
        Product.objects.browsable().filter(categories__in=sector.get_descendants_and_self()).distinct()
    )
    assert response.context["results"].total == in_sector.count()
    offered = [g for g in response.context["facet_groups"] if g.name == Facet.CATEGORY]
    below = {child.name for child in sector.get_descendants()}
    for group in offered:
        assert {option.label for option in group.options} <= below


def test_a_category_outside_the_category_page_is_not_applied(client):
    first, second = Category.objects.filter(depth=1, is_public=True).order_by("path")[:2]
    response = page(client, first.get_absolute_url(), category=second.pk)
    assert response.context["results"].total > 0
    assert response.context["notices"]


# --- Facets, chips, sorting, pages keep the other filters ------------------------------------


def test_every_facet_link_keeps_the_words_and_the_sort(client):
    word = a_word()
    response = page(client, q=word, sort_by="price-asc")
    groups = response.context["facet_groups"]
    if not groups:
        pytest.skip("this backend does not count facets yet")
    for group in groups:
        for option in group.options:
            assert f"q={word}" in option.url and "sort_by=price-asc" in option.url
            assert "page=" not in option.url


def test_facet_counts_are_what_choosing_the_facet_gives(client):
    response = page(client, CATALOGUE)
    groups = {group.name: group for group in response.context["facet_groups"]}
    if Facet.BADGE not in groups:
        pytest.skip("this backend does not count facets yet")
    option = groups[Facet.BADGE].options[0]
    chosen = client.get(CATALOGUE + option.url)
    assert chosen.context["results"].total == option.count


def test_chosen_filters_show_as_chips_that_remove_only_themselves(client):
    word = a_word()
    response = page(client, q=word, badge=[BadgeKind.TRACEABLE, BadgeKind.OCOP], in_stock="1")
    chips = response.context["chips"]
    assert len(chips) == 3
    remove_traceable = next(chip.remove_url for chip in chips if "badge=traceable" not in chip.remove_url)
    assert "badge=ocop" in remove_traceable and "in_stock=1" in remove_traceable
    assert f"q={word}" in remove_traceable
    assert b"search-chips__clear" in response.content  # "Clear all filters"


def test_price_chip_reads_in_dong(client):
    response = page(client, CATALOGUE, price_min="100.000", price_max="50000")
    labels = [chip.label for chip in response.context["chips"]]
    # Bounds given the wrong way round are swapped, and typed with dots they still read.
    assert any("50.000" in label for label in labels) and any("100.000" in label for label in labels)
    assert response.context["results"].query.price_min == 50000


def test_sort_form_carries_the_filters(client):
    word = a_word()
    response = page(client, q=word, in_stock="1")
    html = response.content.decode()
    form = html[html.index('class="results-header"') :]
    form = form[: form.index("</form>")]
    assert f'name="q" value="{word}"' in form and 'name="in_stock" value="1"' in form


def test_pages_link_with_the_filters(client):
    response = page(client, CATALOGUE, sort_by="price-desc", in_stock="on")
    paginator = response.context["paginator"]
    assert paginator.num_pages > 1, "the demo needs more products than one page holds"
    next_link = re.search(r'rel="next" href="([^"]+)"', response.content.decode()).group(1)
    assert "sort_by=price-desc" in next_link and "in_stock=1" in next_link and "page=2" in next_link
    second = client.get(CATALOGUE + next_link.replace("&amp;", "&"))
    assert second.context["page_obj"].number == 2
    assert not set(second.context["products"]) & set(response.context["products"])


# --- No results --------------------------------------------------------------------------


def test_no_results_offers_the_folded_words_and_nearby_categories(client):
    response = page(client, q="Xyzzỳ Đầmqq")
    assert response.context["results"].total == 0
    assert response.context["understood"] == "xyzzy damqq"
    assert b'href="?q=xyzzy+damqq"' in response.content
    nearby = response.context["nearby_categories"]
    assert nearby
    assert {node.pk for node in nearby} <= set(
        Category.objects.filter(is_public=True).values_list("pk", flat=True)
    )
    for node in nearby:
        assert f'href="{node.url}"' in response.content.decode()


def a_sector_without(word):
    for sector in Category.objects.filter(depth=1, is_public=True):
        inside = Product.objects.browsable().filter(categories__in=sector.get_descendants_and_self())
        if not inside.filter(title__icontains=word).exists():
            return sector
    raise AssertionError(f"every sector has a product titled with {word}")


def test_no_results_because_of_filters_offers_to_remove_them(client):
    word = a_word()
    response = page(client, q=word, category=a_sector_without(word).pk)
    assert response.context["results"].total == 0
    assert response.context["relaxed_total"] >= 2
    assert response.context["clear_filters_url"] == f"?q={word}"
    assert b"no-results__filters" in response.content


def test_no_product_with_all_words_offers_each_word(client):
    word = a_word()
    response = page(client, q=f"{word} xyzzyq")
    assert response.context["results"].total == 0
    assert [w for w, _url in response.context["word_links"]] == [word, "xyzzyq"]


# --- Bad input: results or a clear message, never a 500 -----------------------------------

ODD_WORDS = [
    "",
    "   ",
    "x" * 10_000,
    '"',
    '"mat ong',
    "*",
    "mat*",
    "NEAR",
    "mat NEAR ong",
    "NEAR(mat ong, 2)",
    "-",
    "-mat",
    ":",
    "title:mat",
    "^mat",
    "mat AND OR NOT ong",
    "(",
    "' OR 1=1 --",
    "'; DROP TABLE catalogue_product; --",
    "%",
    "_",
    "\\",
    "😀 mật ong",
]


@pytest.mark.parametrize("words", ODD_WORDS)
def test_odd_words_never_fail(client, words):
    response = page(client, q=words)
    assert response.context["results"] is not None
    assert Product.objects.exists()  # nothing was dropped


def test_words_with_a_nul_byte_are_refused_with_a_clear_message(client):
    response = client.get(reverse("search:search"), {"q": "null\x00byte"})
    assert response.status_code == 400
    assert Product.objects.exists()


def test_very_long_words_are_cut_not_refused(client):
    response = page(client, q="mật ong " * 2_000)
    assert len(response.context["query"]) <= 200


BAD_FILTERS = [
    {"category": "abc"},
    {"category": "999999"},
    {"category": "-1"},
    {"province": "xx"},
    {"province": "4" * 300},
    {"commune": "1"},
    {"enterprise": "0"},
    {"enterprise": "1e9"},
    {"stars": "9"},
    {"stars": "many"},
    {"badge": "gold"},
    {"price": "cheap"},
    {"price": "9" * 40 + "-"},
    {"price_min": "-5"},
    {"price_max": "abc"},
    {"sort_by": "hacker"},
    {"page": "abc"},
    {"page": "-1"},
    {"page": "0"},
    {"page": "9" * 5000},
]


@pytest.mark.parametrize(
    "params", BAD_FILTERS, ids=lambda params: "&".join(f"{k}={v[:12]}" for k, v in params.items())
)
def test_a_filter_not_understood_is_dropped_with_a_message(client, params):
    response = page(client, CATALOGUE, **params)
    assert response.context["notices"]
    assert b"search-notice" in response.content
    assert response.context["results"].total == Product.objects.browsable().count()


def test_a_good_value_survives_a_bad_one_beside_it(client):
    response = page(client, CATALOGUE, badge=[BadgeKind.TRACEABLE, "gold"])
    assert response.context["results"].query.badges == (BadgeKind.TRACEABLE,)
    assert response.context["notices"]


@pytest.mark.usefixtures("in_english")
def test_a_page_past_the_end_shows_the_last_page(client):
    response = page(client, CATALOGUE, page="99999")
    assert response.context["page_obj"].number == response.context["paginator"].num_pages
    assert response.context["products"]
    assert any("last page" in str(notice) for notice in response.context["notices"])


def test_a_category_page_at_an_old_address_redirects_keeping_the_filters(client):
    category = Category.objects.filter(depth=2, is_public=True).first()
    response = client.get(f"/catalogue/category/old-name_{category.pk}/", {"in_stock": "1"})
    assert response.status_code == 301
    assert response["Location"] == category.get_absolute_url() + "?in_stock=1"


# --- Cost ---------------------------------------------------------------------------------

# The category tree (1), the backend's search with its facets and labels and the page's products with
# the facts their cards show (about 18, one more when a lot has steps), the navigation's categories (2).
MAX_QUERIES = 24


@pytest.mark.parametrize("per_page", [1, 48])
def test_the_page_costs_a_fixed_number_of_queries_whatever_its_size(
    client, django_assert_max_num_queries, monkeypatch, per_page
):
    monkeypatch.setattr(ProductListView, "per_page", per_page)
    client.get(CATALOGUE, {"badge": BadgeKind.OCOP})  # warm caches shared by every page (site, templates)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(CATALOGUE, {"in_stock": "1", "sort_by": "newest"})
    assert len(response.context["products"]) == min(per_page, response.context["results"].total)


# --- Phones -------------------------------------------------------------------------------


def test_filters_fold_away_on_phones_and_open_without_javascript(client):
    html = page(client, CATALOGUE).content.decode()
    assert '<details class="search-filters" id="search-filters" open>' in html
    # The folding script is a static file (Content-Security-Policy: no inline scripts).
    assert re.search(r'<script src="[^"]*/search/filters\.js"></script>', html)
    assert "max-width: 575.98px" in Path(finders.find("search/filters.js")).read_text()
