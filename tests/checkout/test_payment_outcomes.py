"""After the order is placed by card: the parcels wait, then the payment succeeds or fails, once.

``payment_succeeded`` and ``payment_failed`` are what the card page and the webhooks call; a
sweep releases what was never paid. Each may be called twice (a webhook and the shopper's
return) and acts once.
"""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.order.models import Parcel
from marketplace.payment import outcomes
from tests.checkout.conftest import Checkout, allocated
from tests.factories import parcel_statuses as statuses

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
Status = Parcel.Status

pytestmark = pytest.mark.django_db


def test_a_card_order_waits_for_its_payment_with_the_stock_held(card_order, two_enterprise_products):
    assert statuses(card_order) == {Status.AWAITING_PAYMENT}
    assert allocated(two_enterprise_products) == [2, 1]
    assert Basket.objects.get(pk=card_order.basket_id).status == Basket.FROZEN


def test_a_successful_payment_confirms_the_parcels_and_mails_once(
    card_order, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert outcomes.payment_succeeded(card_order, reference="pi_1") is True
        assert outcomes.payment_succeeded(card_order, reference="pi_1") is True  # the webhook, again
    assert statuses(card_order) == {Status.CONFIRMED}
    assert Basket.objects.get(pk=card_order.basket_id).status == Basket.SUBMITTED
    assert len(mail.outbox) == 3  # the shopper, and each enterprise once
    assert outcomes.payment_failed(card_order, "late failure") is False
    assert statuses(card_order) == {Status.CONFIRMED}


def test_a_failed_payment_releases_the_stock_and_gives_the_basket_back(
    card_order, two_enterprise_products, guest_client
):
    assert outcomes.payment_failed(card_order, "Thẻ bị từ chối") is True
    assert outcomes.payment_failed(card_order, "Thẻ bị từ chối") is False

    assert statuses(card_order) == {Status.CANCELLED}
    assert allocated(two_enterprise_products) == [0, 0]
    assert Basket.objects.get(pk=card_order.basket_id).status == Basket.OPEN
    page = guest_client.get(reverse("basket:summary"))
    assert page.context["basket"].pk == card_order.basket_id and page.context["basket"].num_items == 3

    # A payment that lands after all that is refused: the caller refunds it.
    assert outcomes.payment_succeeded(card_order, reference="pi_late") is False
    assert statuses(card_order) == {Status.CANCELLED}


def test_the_guest_keeps_the_basket_cookie_while_paying(card_order, guest_client):
    page = guest_client.get(reverse("basket:summary"))  # browsing during payment: an empty basket
    assert page.context["basket"].num_items == 0
    outcomes.payment_failed(card_order, "abandoned")
    assert guest_client.get(reverse("basket:summary")).context["basket"].pk == card_order.basket_id


def test_the_shopper_checks_out_again_after_a_failed_payment(card_order, guest_client):
    outcomes.payment_failed(card_order, "declined")
    checkout = Checkout(guest_client)
    preview = checkout.preview()
    assert preview.status_code == 200
    again = checkout.place(preview)
    assert again.status_code == 302
    retry = Order.objects.exclude(pk=card_order.pk).get(basket_id=card_order.basket_id)
    assert retry.number == f"{card_order.number}R2"


def test_a_second_click_on_a_card_order_goes_back_to_its_payment_page(card_order, guest_client):
    preview_data = {"action": "place_order", "basket_id": card_order.basket_id, "fingerprint": "old"}
    response = guest_client.post(reverse("checkout:preview"), preview_data)
    assert response.status_code == 302
    assert response["Location"] == reverse("payment:card", kwargs={"number": card_order.number})
    assert Order.objects.filter(basket_id=card_order.basket_id).count() == 1


def test_unpaid_orders_are_released_after_the_timeout(card_order, two_enterprise_products):
    call_command("release_unpaid_orders", minutes=30, stdout=StringIO())
    assert statuses(card_order) == {Status.AWAITING_PAYMENT}  # placed just now

    Order.objects.filter(pk=card_order.pk).update(date_placed=timezone.now() - timedelta(minutes=31))
    output = StringIO()
    call_command("release_unpaid_orders", minutes=30, stdout=output)
    assert card_order.number in output.getvalue()
    assert statuses(card_order) == {Status.CANCELLED}
    assert allocated(two_enterprise_products) == [0, 0]
    assert Basket.objects.get(pk=card_order.basket_id).status == Basket.OPEN
