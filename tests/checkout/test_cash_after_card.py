"""A card that did not pay, then cash on delivery: one order, numbered as it was, stock held once.

Before: the card order stayed awaiting payment with its stock held and its basket frozen, so the
shopper going back found an empty basket; cancelling it and checking out again made a second
order numbered "…R2". Now going back offers the ways of paying for that same order.
"""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.order.models import Parcel
from tests.checkout.conftest import allocated
from tests.factories import add_to_basket
from tests.factories import parcel_statuses as statuses

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
Status = Parcel.Status

pytestmark = pytest.mark.django_db


def assert_one_clean_cash_order(order, products):
    orders = Order.objects.filter(basket_id=order.basket_id)
    assert list(orders) == [order]
    assert order.number.isdigit()  # no "R2"
    assert statuses(order) == {Status.CONFIRMED}
    assert order.sources.get().source_type.code == "cod"
    assert allocated(products) == [2, 1]  # held once, by the one order
    assert Basket.objects.get(pk=order.basket_id).status == Basket.SUBMITTED


def test_going_back_from_the_card_page_offers_to_pay_that_same_order(card_order, guest_client):
    back = guest_client.get(reverse("checkout:preview"))
    assert back.status_code == 302 and back["Location"] == reverse("checkout:payment-method")
    page = guest_client.get(reverse("checkout:payment-method"))
    assert page.status_code == 200
    assert page.context["awaiting_order"] == card_order
    assert card_order.number in page.content.decode()


def test_choosing_cash_after_going_back_confirms_the_same_order(
    card_order, guest_client, two_enterprise_products
):
    response = guest_client.post(reverse("checkout:payment-method"), {"method": "cod"})
    assert response.status_code == 302 and response["Location"] == reverse("checkout:thank-you")
    assert_one_clean_cash_order(card_order, two_enterprise_products)
    thank_you = guest_client.get(reverse("checkout:thank-you"))
    assert thank_you.context["order"] == card_order


def test_choosing_card_again_goes_back_to_the_same_card_page(card_order, guest_client):
    response = guest_client.post(reverse("checkout:payment-method"), {"method": "card"})
    assert response["Location"] == reverse("payment:card", kwargs={"number": card_order.number})
    assert Order.objects.count() == 1 and statuses(card_order) == {Status.AWAITING_PAYMENT}


def test_the_card_page_offers_cash_on_delivery_for_the_same_order(
    card_order, guest_client, two_enterprise_products
):
    card_page = reverse("payment:card", kwargs={"number": card_order.number})
    cash = reverse("payment:card-cash-instead", kwargs={"number": card_order.number})
    assert cash in guest_client.get(card_page).content.decode()
    response = guest_client.post(cash)
    assert response["Location"] == reverse("checkout:thank-you")
    assert_one_clean_cash_order(card_order, two_enterprise_products)
    assert guest_client.post(cash).status_code == 404  # no longer a card order


def test_an_order_released_meanwhile_is_not_switched(card_order, guest_client, two_enterprise_products):
    from marketplace.payment import outcomes

    outcomes.payment_failed(card_order, "The payment window passed.")
    response = guest_client.post(reverse("payment:card-cash-instead", kwargs={"number": card_order.number}))
    assert response["Location"] == reverse("basket:summary")
    assert statuses(card_order) == {Status.CANCELLED}
    assert allocated(two_enterprise_products) == [0, 0]


def test_a_new_basket_filled_meanwhile_is_checked_out_as_usual(card_order, guest_client, vendor1):
    from tests.factories import enterprise_of, stocked_product

    add_to_basket(guest_client, stocked_product(enterprise_of(vendor1), stock=5, price=50000), 1)
    preview = guest_client.get(reverse("checkout:preview"))
    assert preview.get("Location") != reverse("checkout:payment-method")
    page = guest_client.get(reverse("checkout:payment-method"))
    assert page.status_code == 200 and page.context.get("awaiting_order") is None
