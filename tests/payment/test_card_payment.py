"""Paying an order by card on its card page: the shopper's side of Stripe."""

from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.order.models import Parcel
from marketplace.payment import stripe_api
from tests.factories import parcel_statuses as statuses
from tests.factories import place_order

from .stripe_helpers import DECLINED, THREE_D_SECURE, authenticate, card_token

Basket = get_model("basket", "Basket")
Transaction = get_model("payment", "Transaction")
Status = Parcel.Status

pytestmark = pytest.mark.django_db


def pay(client, order, token):
    return client.post(
        reverse("payment:card", kwargs={"number": order.number}),
        {"token": token},
        content_type="application/json",
    ).json()


def test_placing_a_card_order_sends_the_shopper_to_its_card_page(shopper_client, card_order):
    page = shopper_client.get(reverse("payment:card", kwargs={"number": card_order.number}))
    assert page.status_code == 200
    assert page.context["order"] == card_order
    assert len(page.context["parcels"]) == 2
    assert "/js.stripe.com/v3/" in page.content.decode()


def test_a_card_pays_the_whole_order_once_in_whole_dong(shopper_client, card_order):
    result = pay(shopper_client, card_order, card_token())

    assert result == {"status": "succeeded", "message": "", "redirect": reverse("checkout:thank-you")}
    source = card_order.sources.get()
    intent = stripe_api.client().v1.payment_intents.retrieve(source.reference)
    assert intent.status == "succeeded"
    assert intent.currency == "vnd"
    assert intent.amount == int(card_order.total_incl_tax)
    assert intent.metadata["order_number"] == card_order.number
    assert source.amount_debited == card_order.total_incl_tax == source.amount_allocated
    assert source.transactions.filter(txn_type=Transaction.DEBIT, reference=intent.id).count() == 1
    assert statuses(card_order) == {Status.CONFIRMED}
    assert Basket.objects.get(pk=card_order.basket_id).status == Basket.SUBMITTED


def test_paying_again_charges_nothing_more(shopper_client, card_order):
    pay(shopper_client, card_order, card_token())
    again = pay(shopper_client, card_order, card_token())

    assert again["status"] == "succeeded"
    source = card_order.sources.get()
    assert source.amount_debited == card_order.total_incl_tax
    assert source.transactions.filter(txn_type=Transaction.DEBIT).count() == 1
    page = shopper_client.get(reverse("payment:card", kwargs={"number": card_order.number}))
    assert page.status_code == 302 and page.url == reverse("checkout:thank-you")


@pytest.mark.usefixtures("in_english")
def test_a_declined_card_says_so_and_the_order_waits_for_another_card(shopper_client, card_order):
    result = pay(shopper_client, card_order, card_token(DECLINED))

    assert result["status"] == "declined"
    assert "declined" in result["message"] and "another card" in result["message"]
    assert statuses(card_order) == {Status.AWAITING_PAYMENT}
    assert card_order.sources.get().amount_debited == 0
    assert Basket.objects.get(pk=card_order.basket_id).status != Basket.SUBMITTED

    assert pay(shopper_client, card_order, card_token())["status"] == "succeeded"
    assert statuses(card_order) == {Status.CONFIRMED}


def test_a_card_asking_for_3d_secure_is_confirmed_in_the_browser_then_checked_by_the_server(
    shopper_client, card_order
):
    result = pay(shopper_client, card_order, card_token(THREE_D_SECURE))
    assert result["status"] == "requires_action"
    assert result["client_secret"].startswith(card_order.sources.get().reference)
    assert statuses(card_order) == {Status.AWAITING_PAYMENT}

    confirm = reverse("payment:card-confirm", kwargs={"number": card_order.number})
    # The browser claiming success proves nothing: the server asks Stripe.
    assert shopper_client.post(confirm).json()["status"] == "requires_action"

    authenticate(result["client_secret"])
    assert shopper_client.post(confirm).json()["status"] == "succeeded"
    assert statuses(card_order) == {Status.CONFIRMED}


def test_failed_3d_secure_is_a_decline(shopper_client, card_order):
    result = pay(shopper_client, card_order, card_token(THREE_D_SECURE))
    authenticate(result["client_secret"], success=False)

    checked = shopper_client.post(
        reverse("payment:card-confirm", kwargs={"number": card_order.number})
    ).json()
    assert checked["status"] == "declined"
    assert "3-D Secure" in checked["message"]
    assert statuses(card_order) == {Status.AWAITING_PAYMENT}


def test_giving_up_releases_the_stock_and_keeps_the_basket(shopper_client, card_order):
    line = card_order.lines.first()
    allocated = line.stockrecord.num_allocated
    pay(shopper_client, card_order, card_token(DECLINED))

    response = shopper_client.post(reverse("payment:card-abandon", kwargs={"number": card_order.number}))

    assert response.status_code == 302 and response.url == reverse("basket:summary")
    assert statuses(card_order) == {Status.CANCELLED}
    line.stockrecord.refresh_from_db()
    assert line.stockrecord.num_allocated == allocated - line.quantity
    assert Basket.objects.get(pk=card_order.basket_id).status != Basket.SUBMITTED
    # The card page of a released order sends the shopper back to the basket.
    page = shopper_client.get(reverse("payment:card", kwargs={"number": card_order.number}))
    assert page.status_code == 302 and page.url == reverse("basket:summary")
    assert pay(shopper_client, card_order, card_token())["status"] == "closed"
    assert card_order.sources.get().amount_debited == 0


def test_only_the_shopper_who_placed_the_order_can_open_its_card_page(client, vendor1, card_order):
    url = reverse("payment:card", kwargs={"number": card_order.number})
    assert client.get(url).status_code == 404
    client.force_login(vendor1)
    assert client.get(url).status_code == 404
    assert client.post(url, {"token": "tok_x"}, content_type="application/json").status_code == 404


def test_a_guest_pays_from_the_checkout_session(client):
    order = place_order(None, gateway="card", guest_email="khach@example.vn")
    url = reverse("payment:card", kwargs={"number": order.number})
    assert client.get(url).status_code == 404

    session = client.session
    session["checkout_order_id"] = order.pk
    session.save()
    assert client.get(url).status_code == 200
    assert pay(client, order, card_token())["status"] == "succeeded"


@pytest.mark.parametrize("token", ["", "pm_card_visa", 42, None])
def test_a_missing_or_forged_token_changes_nothing(shopper_client, card_order, token):
    result = pay(shopper_client, card_order, token)
    assert result["status"] == "declined"
    source = card_order.sources.get()
    assert source.reference == "" and source.amount_debited == Decimal(0)
    assert statuses(card_order) == {Status.AWAITING_PAYMENT}
