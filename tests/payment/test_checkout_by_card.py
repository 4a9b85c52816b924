"""From the basket to a paid order through the real checkout pages, by card."""

import pytest
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.order.models import Parcel
from tests.checkout.conftest import Checkout
from tests.factories import add_to_basket, enterprise_of, stocked_product

from .stripe_helpers import DECLINED, card_token

Order = get_model("order", "Order")
Status = Parcel.Status

pytestmark = pytest.mark.django_db


def test_a_guest_pays_for_two_enterprises_parcels_by_card_once(vendor1, vendor2):
    browser = Client()
    add_to_basket(browser, stocked_product(enterprise_of(vendor1), price=120000), 2)
    add_to_basket(browser, stocked_product(enterprise_of(vendor2), price=85000), 1)
    checkout = Checkout(browser, email="khach@example.vn")

    placed = checkout.place(checkout.up_to_preview("card"))
    order = Order.objects.get(guest_email="khach@example.vn")
    card_page = reverse("payment:card", kwargs={"number": order.number})
    assert placed.status_code == 302 and placed["Location"] == card_page
    assert browser.get(card_page).status_code == 200

    declined = browser.post(
        card_page, {"token": card_token(DECLINED)}, content_type="application/json"
    ).json()
    assert declined["status"] == "declined"
    paid = browser.post(card_page, {"token": card_token()}, content_type="application/json").json()
    assert paid["status"] == "succeeded"

    thank_you = browser.get(paid["redirect"])
    assert thank_you.status_code == 200 and thank_you.context["order"] == order
    assert order.parcels.count() == 2
    assert set(order.parcels.values_list("status", flat=True)) == {Status.CONFIRMED}
    source = order.sources.get()
    assert source.amount_debited == order.total_incl_tax == 2 * 120000 + 85000 + order.shipping_incl_tax
