"""Stripe's word on payments, arriving at least once and in any order.

Each event id is handled once (``StripeEvent``), inside one transaction with what it changes:
a failure rolls both back and Stripe delivers it again. Handlers do not trust the order events
come in: each brings the order's books in line with what Stripe says of the PaymentIntent
(:func:`settle`), so a refund heard of before its payment, or a payment heard of only through its
refund, ends the same. Each is idempotent against the card page, which may have written the same
fact first, and against the reconciliation, which settles through the same function.
"""

import json
import logging

import stripe
from django.db import transaction
from oscar.core.loading import get_model

from . import bookkeeping, card_payment, stripe_api, stripe_refunds
from .models import StripeEvent

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")


class MalformedEvent(ValueError):
    """A validly signed body that is not an event we can read: answered 400, nothing stored."""


def parse(body) -> dict:
    """The event in a verified webhook body, as a plain dict; MalformedEvent when it is not one."""
    try:
        event = json.loads(body)
    except ValueError as error:
        raise MalformedEvent(f"the body is not JSON: {error}") from error
    if not isinstance(event, dict):
        raise MalformedEvent("the body is not a JSON object")
    if not isinstance(event.get("id"), str) or not isinstance(event.get("type"), str):
        raise MalformedEvent("the event has no id or type")
    data = event.get("data")
    if not isinstance(data, dict) or not isinstance(data.get("object"), dict):
        raise MalformedEvent("the event has no data object")
    return event


def process(event) -> bool:
    """Handle a parsed event; False when it was a repeat or of a type we do not act on.

    Handlers receive the event's object as a plain dict, as Stripe sent it. Raises MalformedEvent
    (nothing stored) when the object lacks what its handler reads, StripeError when Stripe could
    not be asked (nothing stored: Stripe delivers it again).
    """
    handler = HANDLERS.get(event["type"])
    if handler is None:
        return False
    with transaction.atomic():
        _, first_time = StripeEvent.objects.get_or_create(
            event_id=event["id"], defaults={"type": event["type"]}
        )
        if first_time:
            handler(event["data"]["object"])
        return first_time


def settle(order, intent):
    """Bring the order's books in line with Stripe's word on one of its PaymentIntents (a dict):
    its payment if it succeeded, then every refund of it. Webhooks and the reconciliation end here."""
    if intent["status"] == "succeeded":
        card_payment.record_payment(order, intent["id"], stripe_api.amount_received(intent))
    stripe_refunds.apply(order, intent["id"])


def intent_succeeded(intent):
    _check_intent(intent)
    amount = intent.get("amount_received") or intent.get("amount")
    if type(amount) is not int or amount <= 0:
        raise MalformedEvent("the PaymentIntent has no amount")
    order = _order_of(intent)
    if order is not None:
        settle(order, {**intent, "status": "succeeded"})  # the event's type is Stripe's word


def intent_failed(intent):
    """A declined attempt: noted on the order's books; the order stays payable with another card.

    The order's stock is released when the shopper gives up on the card page, or by
    ``outcomes.cancel_abandoned`` when the payment window has passed, never by one declined card.
    """
    _check_intent(intent)
    order = _order_of(intent)
    if order is not None:
        with transaction.atomic():
            bookkeeping.record_attempt(
                bookkeeping.order_source(order, lock=True), intent["id"], "payment_failed"
            )


def charge_refunded(charge):
    """Refunds of a charge, made by the marketplace or in Stripe's dashboard: the charge's
    PaymentIntent is read from Stripe and settled, its payment first if we had not heard of it."""
    _check_id(charge)
    intent_id = charge.get("payment_intent")
    if not isinstance(intent_id, str | None):
        raise MalformedEvent("the charge's payment_intent is not an id")
    if not intent_id:
        logger.info("Refund of charge %s without a PaymentIntent ignored", charge["id"])
        return
    try:
        intent = stripe_api.client().v1.payment_intents.retrieve(intent_id).to_dict()
    except stripe.InvalidRequestError as error:
        if error.http_status != 404:
            raise
        logger.info("Refund of charge %s of unknown PaymentIntent %s ignored", charge["id"], intent_id)
        return
    order = _order_of(intent)
    if order is not None:
        settle(order, intent)


def _check_id(obj):
    if not isinstance(obj.get("id"), str) or not obj["id"]:
        raise MalformedEvent("the event's object has no id")


def _check_intent(intent):
    _check_id(intent)
    if not isinstance(intent.get("metadata") or {}, dict):
        raise MalformedEvent("the PaymentIntent's metadata is not an object")


def _order_of(intent):
    number = (intent.get("metadata") or {}).get("order_number")
    order = Order.objects.filter(number=number).first() if isinstance(number, str) and number else None
    if order is None or not order.sources.filter(source_type__code="card").exists():
        logger.info("Event for PaymentIntent %s of unknown order %r ignored", intent["id"], number)
        return None
    return order


HANDLERS = {
    "payment_intent.succeeded": intent_succeeded,
    "payment_intent.payment_failed": intent_failed,
    "charge.refunded": charge_refunded,
}
