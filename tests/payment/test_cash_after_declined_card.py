"""On localstripe: a declined card, then cash on delivery, keeps the one order and its number."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.order.models import Parcel
from marketplace.payment import card_payment, stripe_api
from marketplace.payment.cash_instead import pay_on_delivery_instead
from tests.factories import parcel_statuses as statuses

from .stripe_helpers import DECLINED, THREE_D_SECURE, card_token

Order = get_model("order", "Order")
Status = Parcel.Status

pytestmark = pytest.mark.django_db


def test_a_declined_card_then_cash_on_delivery_keeps_one_clean_order(shopper_client, card_order):
    card_page = reverse("payment:card", kwargs={"number": card_order.number})
    declined = shopper_client.post(
        card_page, {"token": card_token(DECLINED)}, content_type="application/json"
    )
    assert declined.json()["status"] == "declined"

    response = shopper_client.post(reverse("payment:card-cash-instead", kwargs={"number": card_order.number}))
    assert response["Location"] == reverse("checkout:thank-you")

    assert list(Order.objects.filter(basket_id=card_order.basket_id)) == [card_order]
    assert card_order.number.isdigit()
    assert statuses(card_order) == {Status.CONFIRMED}
    source = card_order.sources.get()
    assert (source.source_type.code, source.amount_debited) == ("cod", 0)


def test_a_card_payment_left_waiting_for_the_bank_is_cancelled_at_stripe(shopper_client, card_order):
    card_page = reverse("payment:card", kwargs={"number": card_order.number})
    waiting = shopper_client.post(
        card_page, {"token": card_token(THREE_D_SECURE)}, content_type="application/json"
    )
    assert waiting.json()["status"] == "requires_action"
    intent_id = card_order.sources.get().reference

    assert pay_on_delivery_instead(card_order).status == card_payment.SUCCEEDED
    assert stripe_api.client().v1.payment_intents.retrieve(intent_id).status == "canceled"
    assert statuses(card_order) == {Status.CONFIRMED}
    assert card_order.sources.get().source_type.code == "cod"


def test_a_card_that_paid_meanwhile_stands_and_is_not_switched(paid_order):
    assert pay_on_delivery_instead(paid_order).status == card_payment.SUCCEEDED
    source = paid_order.sources.get()
    assert source.source_type.code == "card" and source.amount_debited == paid_order.total_incl_tax
