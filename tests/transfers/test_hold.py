"""A transfer order keeps its stock for BANK_TRANSFER["HOLD_MINUTES"], not the card's timeout."""

from datetime import timedelta

import pytest
from django.utils import timezone

from marketplace.order.models import Parcel
from marketplace.payment import tasks
from marketplace.payment.outcomes import cancel_abandoned
from tests.checkout.conftest import allocated
from tests.factories import parcel_statuses as statuses
from tests.factories import place_order

Status = Parcel.Status

pytestmark = pytest.mark.django_db


def placed_minutes_ago(order, minutes):
    order.date_placed = timezone.now() - timedelta(minutes=minutes)
    order.save(update_fields=["date_placed"])
    return order


def test_the_hold_is_released_after_hold_minutes_and_not_before(
    transfer_order, two_enterprise_products, settings
):
    settings.MARKETPLACE_PAYMENT_TIMEOUT_MINUTES = 30
    settings.BANK_TRANSFER = {**settings.BANK_TRANSFER, "HOLD_MINUTES": 90}
    placed_minutes_ago(transfer_order, 89)
    assert tasks.release_unpaid_orders() == []  # past the card's 30 minutes, within its 90
    assert statuses(transfer_order) == {Status.AWAITING_PAYMENT}
    assert allocated(two_enterprise_products) == [2, 1]

    placed_minutes_ago(transfer_order, 91)
    assert tasks.release_unpaid_orders() == [transfer_order.number]
    assert statuses(transfer_order) == {Status.CANCELLED}
    assert allocated(two_enterprise_products) == [0, 0]


def test_card_orders_keep_the_cards_timeout_in_the_same_sweep(shopper, settings):
    settings.MARKETPLACE_PAYMENT_TIMEOUT_MINUTES = 30
    settings.BANK_TRANSFER = {**settings.BANK_TRANSFER, "HOLD_MINUTES": 90}
    card = placed_minutes_ago(place_order(shopper, gateway="card"), 31)
    transfer = placed_minutes_ago(place_order(shopper, gateway="transfer"), 31)
    assert cancel_abandoned() == [card]
    assert statuses(transfer) == {Status.AWAITING_PAYMENT}


def test_the_transfer_page_tells_until_when_the_goods_are_held(transfer_order, guest_client):
    from django.urls import reverse
    from django.utils import translation

    with translation.override("en"):
        page = guest_client.get(reverse("transfers:pay", kwargs={"number": transfer_order.number}))
    until = timezone.localtime(transfer_order.date_placed + timedelta(minutes=60))
    assert f"until {until:%H:%M}" in page.content.decode()


def test_past_the_hold_the_page_asks_not_to_transfer_before_the_sweep_runs(transfer_order, guest_client):
    from django.urls import reverse

    placed_minutes_ago(transfer_order, 61)
    page = guest_client.get(reverse("transfers:pay", kwargs={"number": transfer_order.number}))
    assert page.context["state"] == "expired"
    assert reverse("transfers:qr", kwargs={"number": transfer_order.number}) not in page.content.decode()
