"""A shopper on a phone buys from two enterprises, pays once by card, and sees two parcels.

The card is typed into localstripe's stand-in for Stripe.js, served by the localstripe the
test session started; the live server charges it through the same fake Stripe.
"""

import re

import pytest
from oscar.core.loading import get_model

from tests.browser.steps import pay_by_card, place_order, sign_in
from tests.checkout.conftest import enterprise_of, stocked_product

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def signed_in_page(page, live_server, shopper):
    sign_in(page, live_server, shopper)
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

    place_order(page, "card")

    page.wait_for_url(re.compile(r"/checkout/pay/[^/]+/$"))
    order = Order.objects.get(number=page.url.rstrip("/").rsplit("/", 1)[-1], user=shopper)
    pay_by_card(page)

    assert order.sources.get().amount_debited == order.total_incl_tax
    page.goto(f"/accounts/orders/{order.number}/")
    assert page.locator("#parcels .parcel").count() == 2
