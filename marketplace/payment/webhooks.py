"""Stripe's word on payments, arriving at least once and in any order.

Each event id is handled once (``StripeEvent``), inside one transaction with what it changes:
a failure rolls both back and Stripe delivers it again. Each handler is itself idempotent
against the card page, which may have written the same fact first.
"""

import logging

from django.db import transaction
from oscar.core.loading import get_model

from . import bookkeeping, card, stripe_api
from .models import StripeEvent

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
Source = get_model("payment", "Source")
Transaction = get_model("payment", "Transaction")


def process(event) -> bool:
    """Handle a verified event; False when it was a repeat or of a type we do not act on.

    Handlers receive the event's object as a plain dict, as Stripe sent it.
    """
    handler = HANDLERS.get(event.type)
    if handler is None:
        return False
    with transaction.atomic():
        _, first_time = StripeEvent.objects.get_or_create(event_id=event.id, defaults={"type": event.type})
        if first_time:
            handler(event.data.object.to_dict())
        return first_time


def intent_succeeded(intent):
    order = _order_of(intent)
    if order is not None:
        card.record_payment(order, intent["id"], stripe_api.from_stripe_amount(intent["amount"]))


def intent_failed(intent):
    """A declined attempt: noted on the order's books; the order stays payable with another card.

    The order's stock is released when the shopper gives up on the card page, or by
    ``cancel_abandoned_payments`` when the payment window has passed, never by one declined card.
    """
    order = _order_of(intent)
    if order is not None:
        with transaction.atomic():
            bookkeeping.record_attempt(
                bookkeeping.order_source(order, lock=True), intent["id"], "payment_failed"
            )


def charge_refunded(charge):
    """Write down every refund of the charge not written down yet: refunds made from Stripe's
    dashboard are recorded, the marketplace's own ones (same refund id) are not counted twice."""
    source = Source.objects.filter(
        transactions__txn_type=Transaction.DEBIT, transactions__reference=charge.get("payment_intent") or "-"
    ).first()
    if source is None:
        logger.info("Refund of unknown charge %s ignored", charge["id"])
        return
    refunds = stripe_api.client().v1.refunds.list(params={"charge": charge["id"], "limit": 100})
    source = bookkeeping.order_source(source.order, lock=True)
    for refund in refunds.data:
        if refund.status == "succeeded" and not bookkeeping.has_transaction(
            source, Transaction.REFUND, refund.id
        ):
            bookkeeping.record_refund(source, stripe_api.from_stripe_amount(refund.amount), refund.id)


def _order_of(intent):
    number = (intent.get("metadata") or {}).get("order_number")
    order = Order.objects.filter(number=number).first() if number else None
    if order is None or not order.sources.filter(source_type__code="card").exists():
        logger.info("Event for PaymentIntent %s of unknown order %r ignored", intent["id"], number)
        return None
    return order


HANDLERS = {
    "payment_intent.succeeded": intent_succeeded,
    "payment_intent.payment_failed": intent_failed,
    "charge.refunded": charge_refunded,
}
