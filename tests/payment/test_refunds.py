"""Refunds: one parcel's total or the whole order, once, never more than was paid."""

import pytest
from django.core.exceptions import ValidationError
from oscar.core.loading import get_model

from marketplace.order import parcels
from marketplace.order.models import Parcel
from marketplace.payment import stripe_api
from marketplace.payment.cancellation import cancel_parcel
from marketplace.payment.refunds import refund
from tests.factories import place_order, ship

from .stripe_helpers import charge_of, deliver, event

Transaction = get_model("payment", "Transaction")
Status = Parcel.Status

# The messages asserted are in English, the second language.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]


def stripe_refunds(order):
    intent = order.sources.get().reference
    return sorted(
        r.amount for r in stripe_api.client().v1.refunds.list(params={"payment_intent": intent}).data
    )


def test_one_parcel_is_refunded_its_goods_and_shipping(paid_order, admin_user):
    first, second = paid_order.parcels.order_by("pk")
    ship(first, deliver=True)

    [transaction] = refund(paid_order, parcel=first, by=admin_user, reason="Hàng vỡ khi giao")

    assert transaction.txn_type == Transaction.REFUND and transaction.amount == first.total
    assert stripe_refunds(paid_order) == [int(first.total)]
    source = paid_order.sources.get()
    assert source.amount_refunded == first.total
    assert source.amount_debited == paid_order.total_incl_tax
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Status.REFUNDED and second.status == Status.CONFIRMED
    assert first.status_changes.last().note == "Hàng vỡ khi giao"
    assert first.status_changes.last().changed_by == admin_user


def test_a_parcel_is_refunded_once(paid_order):
    first = paid_order.parcels.order_by("pk").first()
    ship(first)
    refund(paid_order, parcel=first, reason="Returned")

    with pytest.raises(ValidationError, match="already refunded"):
        refund(paid_order, parcel=first, reason="Again")
    assert stripe_refunds(paid_order) == [int(first.total)]
    assert paid_order.sources.get().amount_refunded == first.total


def test_the_whole_order_is_refunded_parcel_by_parcel(paid_order):
    first, second = paid_order.parcels.order_by("pk")
    ship(first, deliver=True)
    cancel_parcel(second, by=None, reason="Out of stock at the enterprise")  # refunds the second parcel

    transactions = refund(paid_order, reason="Shopper complaint")

    assert [t.amount for t in transactions] == [first.total]
    source = paid_order.sources.get()
    assert source.amount_refunded == source.amount_debited == paid_order.total_incl_tax
    assert stripe_refunds(paid_order) == sorted([int(first.total), int(second.total)])
    assert dict(paid_order.parcels.values_list("pk", "status")) == {
        first.pk: Status.REFUNDED,
        second.pk: Status.CANCELLED,  # cancelled stays cancelled
    }
    with pytest.raises(ValidationError, match="already refunded"):
        refund(paid_order, parcel=second, reason="Again")
    assert refund(paid_order, reason="Again") == []


def test_a_parcel_still_at_the_enterprise_is_cancelled_not_refunded(paid_order):
    first = paid_order.parcels.order_by("pk").first()
    with pytest.raises(ValidationError, match="cancel it instead"):
        refund(paid_order, parcel=first, reason="Changed mind")
    with pytest.raises(ValidationError, match="cancel it instead"):
        refund(paid_order, reason="Changed mind")
    assert stripe_refunds(paid_order) == []
    assert paid_order.sources.get().amount_refunded == 0


def test_a_refund_needs_a_reason(paid_order):
    first = paid_order.parcels.order_by("pk").first()
    ship(first)
    with pytest.raises(ValidationError, match="reason"):
        refund(paid_order, parcel=first, reason="  ")


def test_nothing_is_refunded_for_an_unpaid_order(card_order):
    first = card_order.parcels.order_by("pk").first()
    parcels.move(first, Status.CANCELLED, note="Shopper left")
    assert refund(card_order, parcel=first, reason="Shopper left") == []
    assert card_order.sources.get().amount_refunded == 0


def test_never_more_than_was_paid(client, paid_order):
    first = paid_order.parcels.order_by("pk").first()
    ship(first)
    # Most of the payment was given back from Stripe's dashboard.
    intent = paid_order.sources.get().reference
    stripe_api.client().v1.refunds.create(
        params={"payment_intent": intent, "amount": int(paid_order.total_incl_tax - first.total) + 1}
    )
    deliver(
        client,
        event("charge.refunded", {"id": charge_of(intent), "object": "charge", "payment_intent": intent}),
    )

    with pytest.raises(ValidationError, match="more than was paid"):
        refund(paid_order, parcel=first, reason="Broken")


def test_charge_refunded_records_dashboard_refunds_once_and_ours_never_twice(client, paid_order):
    first = paid_order.parcels.order_by("pk").first()
    ship(first)
    refund(paid_order, parcel=first, reason="Broken")  # ours: recorded already
    intent = paid_order.sources.get().reference
    stripe_api.client().v1.refunds.create(
        params={"payment_intent": intent, "amount": 5000}
    )  # Stripe's dashboard
    charge = {"id": charge_of(intent), "object": "charge", "payment_intent": intent}

    payload = event("charge.refunded", charge)
    assert deliver(client, payload).status_code == 200
    assert deliver(client, payload).status_code == 200
    assert deliver(client, event("charge.refunded", charge)).status_code == 200

    source = paid_order.sources.get()
    assert source.amount_refunded == first.total + 5000
    assert source.transactions.filter(txn_type=Transaction.REFUND).count() == 2


def test_cash_on_delivery_refunds_only_what_the_courier_collected(shopper):
    order = place_order(shopper, gateway="cod")
    first, second = order.parcels.order_by("pk")
    assert {first.status, second.status} == {Status.CONFIRMED}
    ship(first, deliver=True)
    ship(second)

    transactions = refund(order, parcel=first, reason="Broken jar")
    assert [t.amount for t in transactions] == [first.total]
    assert refund(order, parcel=second, reason="Refused at the door") == []  # no cash was collected
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (Status.REFUNDED, Status.SHIPPED)
    assert order.sources.get().amount_refunded == first.total
