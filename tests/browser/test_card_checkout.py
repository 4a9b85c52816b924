"""A shopper on a phone buys from two enterprises, pays once by card, and sees two parcels.

The card is typed into localstripe's stand-in for Stripe.js, served by the localstripe the
test session started; the live server charges it through the same fake Stripe.
"""

import re

import pytest
from django.test import Client
from oscar.core.loading import get_model

from tests.checkout.conftest import enterprise_of, stocked_product

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def signed_in_page(page, live_server, shopper):
    client = Client()
    client.force_login(shopper)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return page


def test_a_basket_from_two_enterprises_is_paid_by_card_and_leaves_as_two_parcels(
    signed_in_page, stripe_settings, shopper, vendor1, vendor2
):
    page = signed_in_page
    for vendor in (vendor1, vendor2):
        product = stocked_product(enterprise_of(vendor), stock=5)
        page.goto(product.get_absolute_url())
        page.locator("#add_to_basket_form button[type=submit]").click()
        page.wait_for_load_state()

    page.goto("/checkout/")
    page.fill("#id_first_name", "Trần Thị Mai")
    page.fill("#id_phone_number", "0912 345 678")
    page.fill("#id_line1", "12 Lê Lợi")
    page.select_option("#id_commune", index=1)
    page.locator("#new_shipping_address button[type=submit]:not([name])").click()
    page.wait_for_url(re.compile(r"/checkout/(shipping|payment)-method/"))
    if "/shipping-method/" in page.url:  # skipped when each enterprise offers a single rate
        page.locator("form button[type=submit]").last.click()
        page.wait_for_url(re.compile(r"/checkout/payment-method/"))
    page.locator("input[name=method][value=card]").check(force=True)
    page.locator("#payment_method_form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/checkout/preview/"))
    page.locator("#place_order_form [type=submit]").click()

    page.wait_for_url(re.compile(r"/checkout/pay/[^/]+/$"))
    order = Order.objects.get(number=page.url.rstrip("/").rsplit("/", 1)[-1], user=shopper)
    card = page.locator("#card_element")
    card.locator("input[placeholder=number]").fill("4242424242424242")
    card.locator("input[placeholder=exp_month]").fill("12")
    card.locator("input[placeholder=exp_year]").fill("30")
    card.locator("input[placeholder=cvc]").fill("123")
    card.locator("input[placeholder=postal_code]").fill("52000")
    page.locator("#card_pay").click()
    page.wait_for_url(re.compile(r"/checkout/thank-you/"))

    assert order.sources.get().amount_debited == order.total_incl_tax
    page.goto(f"/accounts/orders/{order.number}/")
    assert page.locator("#parcels .parcel").count() == 2
