"""A shopper who uses only the keyboard, on a phone-sized screen: skips the header, opens the menu
and the filters, fills a basket and checks out, never touching the mouse."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.browser.steps import sign_in
from tests.factories import enterprise_of, stocked_product

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

MOST_TABS = 120  # more stops than this before a control is a page no one can use by keyboard


def tab_to(page, selector):
    """Presses Tab until the control ``selector`` has the focus, as a keyboard user would."""
    for _ in range(MOST_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("selector => document.activeElement.matches(selector)", selector):
            return
    raise AssertionError(f"{selector} is not reached with the Tab key")


def test_the_first_tab_offers_to_skip_the_header_and_the_menu_opens_from_the_keyboard(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()  # shown when it has the focus
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()

    page.goto("/")
    tab_to(page, ".navbar-toggler")
    page.keyboard.press("Enter")
    expect(page.locator("#site-menu")).to_be_visible()
    tab_to(page, "#site-menu a")  # past the search box, which stays in view above the menu
    expect(page.locator("#site-menu a:focus")).to_be_visible()


def test_filters_fold_open_and_apply_from_the_keyboard(page):
    page.goto("/search/?q=mat+ong")
    tab_to(page, "summary.search-filters__toggle")  # folded on a phone so the results come first
    page.keyboard.press("Enter")
    expect(page.locator("#search-filters")).to_have_attribute("open", "")
    tab_to(page, ".facet__options a")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert re.search(r"/search/\?.*q=mat.*&", page.url), page.url  # a refinement was added


def test_a_shopper_fills_a_basket_and_checks_out_with_the_keyboard_alone(page, live_server):
    shopper = get_user_model().objects.get(email="shopper@demo.vn")
    vendor = get_user_model().objects.get(email="vendor1@demo.vn")
    product = stocked_product(enterprise_of(vendor), stock=5)
    sign_in(page, live_server, shopper)

    page.goto(product.get_absolute_url())
    tab_to(page, "#add_to_basket_form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.goto("/basket/")
    tab_to(page, "a[href$='/checkout/']")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/checkout/shipping-address/"))

    for selector, text in (("#id_first_name", "Trần Thị Mai"), ("#id_phone_number", "0912 345 678")):
        tab_to(page, selector)
        page.keyboard.type(text)
    tab_to(page, "#id_line1")
    page.keyboard.type("12 Lê Lợi")
    tab_to(page, "#id_commune")
    page.keyboard.press("ArrowDown")
    assert page.locator("#id_commune").input_value()
    tab_to(page, "#new_shipping_address button[type=submit]:not([name])")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/checkout/(shipping|payment)-method/"))
    if "/shipping-method/" in page.url:
        tab_to(page, "form button[type=submit]")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/checkout/payment-method/"))

    tab_to(page, "input[name=method]")
    page.keyboard.press("Space")
    for _ in range(3):  # a group of radio buttons is chosen with the arrows
        if page.locator("input[name=method][value=cod]").is_checked():
            break
        page.keyboard.press("ArrowDown")
    expect(page.locator("input[name=method][value=cod]")).to_be_checked()
    tab_to(page, "#payment_method_form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/checkout/preview/"))
    tab_to(page, "#place_order_form [type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/checkout/thank-you/"))
