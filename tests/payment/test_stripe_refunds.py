"""Refunds made at Stripe (its own dashboard) reach the parcels and the ledger once, whatever the
order Stripe's events arrive in, and the marketplace's own refunds are never counted twice."""

import logging
from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.order.models import Parcel
from marketplace.payment import bookkeeping
from marketplace.payment.refunds import refund
from marketplace.payouts.models import LedgerEntry
from tests.factories import ship
from tests.factories import status_by_parcel as statuses

from .stripe_helpers import charge_refunded, charged_intent, deliver, event, refund_at_stripe

Transaction = get_model("payment", "Transaction")
Status = Parcel.Status
Kind = LedgerEntry.Kind

pytestmark = pytest.mark.django_db


def kinds(parcel):
    return list(parcel.ledger_entries.order_by("pk").values_list("kind", flat=True))


def still_owed(parcel):
    """What the parcel's ledger rows leave owed to its enterprise."""
    return sum(parcel.ledger_entries.values_list("net", flat=True), Decimal(0))


def refunds_written(order):
    return Transaction.objects.filter(source__order=order, txn_type=Transaction.REFUND).count()


def books(order):
    """Everything a replayed event must leave as it was."""
    source = order.sources.get()
    return (
        statuses(order),
        source.amount_debited,
        source.amount_refunded,
        refunds_written(order),
        LedgerEntry.objects.filter(parcel__order=order).count(),
        order.payment_events.count(),
    )


def intent_of(order):
    return order.sources.get().reference


@pytest.mark.parametrize(
    "refund_first", [True, False], ids=["refund before payment", "payment before refund"]
)
def test_a_whole_refund_made_at_stripe_undoes_the_order_whatever_order_the_events_come_in(
    client, card_order, refund_first
):
    intent = charged_intent(card_order)  # the shopper paid; the browser's answer was lost
    refund_at_stripe(intent["id"])  # ... and the operator gave it all back in Stripe's dashboard
    refunded, succeeded = charge_refunded(intent["id"]), event("payment_intent.succeeded", intent)
    arrivals = [refunded, succeeded] if refund_first else [succeeded, refunded]

    for payload in arrivals:
        assert deliver(client, payload).status_code == 200

    source = card_order.sources.get()
    assert source.amount_debited == source.amount_refunded == card_order.total_incl_tax
    assert set(statuses(card_order).values()) == {Status.CANCELLED}  # nothing left to ship
    for parcel in card_order.parcels.all():
        assert kinds(parcel) == [Kind.SALE, Kind.REVERSAL]
        assert still_owed(parcel) == 0
    assert refunds_written(card_order) == 1

    # Replays, under the same ids or new ones, and in any order, change nothing more.
    before = books(card_order)
    for payload in [*arrivals, charge_refunded(intent["id"]), event("payment_intent.succeeded", intent)]:
        assert deliver(client, payload).status_code == 200
    assert books(card_order) == before


def test_a_refund_of_one_parcel_made_before_the_payment_was_heard_of_refunds_that_parcel(client, card_order):
    first, second = card_order.parcels.order_by("pk")
    intent = charged_intent(card_order)
    refund_at_stripe(intent["id"], first.total)

    deliver(client, charge_refunded(intent["id"]))
    deliver(client, event("payment_intent.succeeded", intent))

    assert statuses(card_order) == {first.pk: Status.CANCELLED, second.pk: Status.CONFIRMED}
    assert kinds(first) == [Kind.SALE, Kind.REVERSAL] and kinds(second) == [Kind.SALE]
    assert card_order.sources.get().amount_refunded == first.total


def test_the_card_page_applies_a_refund_made_at_stripe_before_it_wrote_the_payment(
    shopper_client, card_order
):
    intent = charged_intent(card_order)
    refund_at_stripe(intent["id"])
    card_order.sources.update(reference=intent["id"])  # the page's own attempt, answered only now

    checked = shopper_client.post(reverse("payment:card-confirm", kwargs={"number": card_order.number}))

    assert checked.json()["status"] == "succeeded"
    assert set(statuses(card_order).values()) == {Status.CANCELLED}
    assert card_order.sources.get().amount_refunded == card_order.total_incl_tax


def test_a_whole_refund_from_stripes_dashboard_refunds_shipped_parcels_and_cancels_the_others(
    client, paid_order
):
    first, second = paid_order.parcels.order_by("pk")
    ship(first)
    line = second.lines.first()
    allocated = line.stockrecord.num_allocated
    stripe_refund = refund_at_stripe(intent_of(paid_order))

    payload = charge_refunded(intent_of(paid_order))
    assert deliver(client, payload).status_code == 200

    assert statuses(paid_order) == {first.pk: Status.REFUNDED, second.pk: Status.CANCELLED}
    line.stockrecord.refresh_from_db()
    assert line.stockrecord.num_allocated == allocated - line.quantity  # the unsent parcel's stock is back
    for parcel in (first, second):
        assert kinds(parcel) == [Kind.SALE, Kind.REVERSAL] and still_owed(parcel) == 0
        assert bookkeeping.is_refunded(parcel)
        assert stripe_refund.id in parcel.status_changes.last().note
    before = books(paid_order)
    assert deliver(client, payload).status_code == 200
    assert deliver(client, charge_refunded(intent_of(paid_order))).status_code == 200
    assert books(paid_order) == before


def test_a_refund_of_one_parcels_total_from_stripes_dashboard_refunds_that_parcel_once(client, paid_order):
    first, second = paid_order.parcels.order_by("pk")
    ship(first, deliver=True)
    stripe_refund = refund_at_stripe(intent_of(paid_order), first.total)

    assert deliver(client, charge_refunded(intent_of(paid_order))).status_code == 200

    assert statuses(paid_order) == {first.pk: Status.REFUNDED, second.pk: Status.CONFIRMED}
    assert kinds(first) == [Kind.SALE, Kind.REVERSAL] and kinds(second) == [Kind.SALE]
    assert (
        paid_order.sources.get().transactions.get(txn_type=Transaction.REFUND).reference == stripe_refund.id
    )
    before = books(paid_order)
    deliver(client, charge_refunded(intent_of(paid_order)))
    assert books(paid_order) == before
    assert not bookkeeping.refunds_to_review(paid_order).exists()


@pytest.mark.usefixtures("in_english")
def test_a_refund_matching_no_parcel_is_shared_on_the_ledger_and_shown_to_the_operator(
    client, admin_user, paid_order, caplog
):
    first, second = paid_order.parcels.order_by("pk")
    owed_before = still_owed(first) + still_owed(second)
    stripe_refund = refund_at_stripe(intent_of(paid_order), 10000)

    with caplog.at_level(logging.WARNING, logger="marketplace.payment"):
        deliver(client, charge_refunded(intent_of(paid_order)))

    assert statuses(paid_order) == {first.pk: Status.CONFIRMED, second.pk: Status.CONFIRMED}
    partial = LedgerEntry.objects.filter(parcel__order=paid_order, kind=Kind.PARTIAL_REFUND)
    assert {row.parcel_id for row in partial} == {first.pk, second.pk}
    assert sum(row.gross for row in partial) == -10000
    assert 0 < owed_before - (still_owed(first) + still_owed(second)) < 10000  # less the commission kept
    assert paid_order.sources.get().amount_refunded == 10000
    assert any(stripe_refund.id in record.getMessage() for record in caplog.records)
    client.force_login(admin_user)
    page = client.get(reverse("dashboard:order-detail", kwargs={"number": paid_order.number}))
    assert "data-refunds-to-review" in page.content.decode() and stripe_refund.id in page.content.decode()

    before = books(paid_order)
    deliver(client, charge_refunded(intent_of(paid_order)))
    assert books(paid_order) == before

    # Refunding a parcel afterwards takes back only what it still earns.
    ship(first)
    refund(paid_order, parcel=first, reason="Broken")
    assert kinds(first) == [Kind.SALE, Kind.PARTIAL_REFUND, Kind.REVERSAL]
    assert still_owed(first) == 0


def test_the_marketplaces_own_refund_followed_by_its_webhook_changes_nothing_more(client, paid_order):
    first, second = paid_order.parcels.order_by("pk")
    ship(first)
    refund(paid_order, parcel=first, reason="Broken on the way")
    before = books(paid_order)

    for _ in range(2):
        assert deliver(client, charge_refunded(intent_of(paid_order))).status_code == 200

    assert books(paid_order) == before
    assert kinds(first) == [Kind.SALE, Kind.REVERSAL] and kinds(second) == [Kind.SALE]
    assert not bookkeeping.refunds_to_review(paid_order).exists()


def test_a_refund_event_while_stripe_does_not_answer_is_refused_for_a_later_delivery(
    client, paid_order, settings
):
    refund_at_stripe(intent_of(paid_order))
    payload = charge_refunded(intent_of(paid_order))
    base = settings.STRIPE_API_BASE
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"  # nothing listens there

    assert deliver(client, payload).status_code == 503
    assert set(statuses(paid_order).values()) == {Status.CONFIRMED}

    settings.STRIPE_API_BASE = base
    assert deliver(client, payload).status_code == 200  # Stripe's next delivery of the same event
    assert set(statuses(paid_order).values()) == {Status.CANCELLED}
