"""A shopper on a phone finds products from the header search box, with the keyboard alone."""

import re

import pytest
from playwright.sync_api import expect

from marketplace.text import fold
from search.query import ProductQuery
from search.services import search_products

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_typing_without_diacritics_suggests_and_the_arrow_keys_open_a_product(page):
    page.goto("/")
    box = page.get_by_role("combobox")
    box.press_sequentially("mat o", delay=40)

    suggestions = page.get_by_role("option")
    expect(suggestions.first).to_be_visible()
    titles = suggestions.all_inner_texts()
    assert titles and all("mat ong" in fold(title) for title in titles), titles
    expect(box).to_have_attribute("aria-expanded", "true")

    box.press("ArrowDown")
    expect(suggestions.first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", suggestions.first.get_attribute("id"))
    box.press("Enter")

    page.wait_for_url(re.compile(r"/catalogue/.+/$"))
    expect(page.locator("h1")).to_have_text(titles[0])


def test_enter_without_a_choice_searches_and_a_facet_narrows_the_results(page):
    page.goto("/")
    box = page.get_by_role("combobox")
    box.press_sequentially("nuoc mam", delay=20)
    expect(page.get_by_role("option").first).to_be_visible()
    box.press("Escape")  # closes the suggestions; Enter then searches what was typed
    expect(box).to_have_value("nuoc mam")
    box.press("Enter")

    page.wait_for_url(re.compile(r"/search/\?q=nuoc"))
    expected = search_products(ProductQuery(text="nuoc mam"))
    total = page.locator(".results-header__count strong")
    expect(total).to_have_text(str(expected.page.paginator.count))
    cards = page.locator(".product_pod")
    expect(cards.first.locator("h3 a")).to_have_attribute("href", expected.products[0].get_absolute_url())

    page.locator("#search-filters > summary").click()  # folded on a phone
    option = page.locator(".facet-option").first
    label = option.locator(".facet-option__label").inner_text()
    count = option.locator(".facet-option__count").inner_text()
    option.click()

    expect(page.locator(".facet-option--selected .facet-option__label").first).to_have_text(label)
    expect(total).to_have_text(count)


def test_on_a_phone_a_cards_title_badges_and_price_never_overlap(page):
    page.goto("/search/?q=nuoc+mam")
    cards = page.locator(".product_pod")
    expect(cards.first).to_be_visible()
    for index in range(cards.count()):
        card = cards.nth(index)
        price = card.locator(".product_price").bounding_box()
        above = [card.locator("h3").bounding_box()]
        above += [badge.bounding_box() for badge in card.locator(".product-badge").all()]
        lowest = max(box["y"] + box["height"] for box in above)
        assert lowest <= price["y"] + 0.5, f"card {index}: its price starts above its title or badges end"
