"""What a shopper does in the browser, shared by the browser tests: signing in, checking out, paying."""

import re

from django.test import Client
from django.utils.text import slugify
from playwright.sync_api import expect


def sign_in(page, live_server, user):
    """The page's browser carries ``user``'s session, as after a sign-in."""
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def place_order(page, method):
    """From the basket through address, delivery and payment method to a placed order."""
    page.goto("/checkout/")
    order_from_address(page, method)


def order_from_address(page, method):
    """From the shipping address form through delivery and payment method to a placed order."""
    address_to_payment_method(page)
    choose_payment_method(page, method)
    page.locator("#place_order_form [type=submit]").click()


def address_to_payment_method(page):
    """From the shipping address form, through delivery, to the payment method page."""
    page.fill("#id_first_name", "Trần Thị Mai")
    page.fill("#id_phone_number", "0912 345 678")
    page.fill("#id_line1", "12 Lê Lợi")
    page.select_option("#id_commune", index=1)
    page.locator("#new_shipping_address button[type=submit]:not([name])").click()
    page.wait_for_url(re.compile(r"/checkout/(shipping|payment)-method/"))
    if "/shipping-method/" in page.url:  # skipped when each enterprise offers a single rate
        page.locator("form button[type=submit]").last.click()
        page.wait_for_url(re.compile(r"/checkout/payment-method/"))


def choose_payment_method(page, method):
    """On the payment method page, ``method`` chosen, up to the order preview."""
    page.locator(f"input[name=method][value={method}]").check(force=True)
    page.locator("#payment_method_form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/checkout/preview/"))


def pay_by_card(page):
    """On the card page, with localstripe's test card, up to the thank-you page."""
    card = page.locator("#card_element")
    card.locator("input[placeholder=number]").fill("4242424242424242")
    card.locator("input[placeholder=exp_month]").fill("12")
    card.locator("input[placeholder=exp_year]").fill("30")
    card.locator("input[placeholder=cvc]").fill("123")
    card.locator("input[placeholder=postal_code]").fill("52000")
    page.locator("#card_pay").click()
    page.wait_for_url(re.compile(r"/checkout/thank-you/"))


def title_new_page(page, title):
    """Types a new Wagtail page's title. The admin copies it into the slug when the editor leaves
    the field, but only once its scripts have started; on a loaded machine they may start after
    the typing, and then the editor fills the slug on the promotion tab, as this does."""
    page.fill("#id_title", title)
    page.locator("#id_title").press("Tab")
    slug = page.locator("#id_slug")
    try:
        expect(slug).not_to_have_value("", timeout=3000)
    except AssertionError:
        panel = slug.evaluate("field => field.closest('[role=tabpanel]').id")
        page.locator(f"[role=tab][href='#{panel}']").click()
        slug.fill(slugify(title, allow_unicode=True))
        page.locator("[role=tab]").first.click()
