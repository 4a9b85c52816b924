"""A shopper on a phone browses the province's marketplace and fills a basket."""

import re

import pytest
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_shopper_browses_in_vietnamese_and_fills_a_basket(page):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "vi"  # despite an English browser
    assert page.get_by_role("heading", name="Sản phẩm OCOP và đặc sản Quảng Trị").is_visible()

    page.goto("/catalogue/")
    first_card = page.locator(".product_pod").first
    price = first_card.locator(".price_color").inner_text()
    assert re.fullmatch(r"[\d.]+ ₫", price), price

    product = Product.objects.browsable().filter(stockrecords__num_in_stock__gt=0).order_by("pk").first()
    page.goto(product.get_absolute_url())
    page.locator("#add_to_basket_form button[type=submit]").click()
    page.goto("/basket/")
    assert product.title in page.content()


def test_shopper_switches_to_english(page):
    page.goto("/catalogue/")
    page.locator("#top_page .navbar-toggler").click()  # on a phone the account bar is folded
    page.locator("#language_selector select").select_option("en")
    page.locator("#language_selector button").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
