"""Paying an order by card on the card page, the same way on Stripe and on localstripe.

The browser turns the card into a token with Stripe.js; the server attaches it to a Stripe
customer, creates and confirms the PaymentIntent and reads its status itself. When the bank
asks for 3-D Secure the browser runs ``confirmCardPayment`` and the server reads the status
again. Every step holds the order's payment Source row, so double clicks, a second tab and a
webhook arriving meanwhile all see one state.
"""

import logging
from dataclasses import dataclass
from decimal import Decimal

import stripe
from django.db import transaction
from django.utils.translation import gettext as _

from marketplace.order.models import Parcel

from . import bookkeeping, outcomes, stripe_api, stripe_refunds
from .gateways.card import refund_intent

logger = logging.getLogger(__name__)

SUCCEEDED, REQUIRES_ACTION, DECLINED, PENDING, CLOSED, UNAVAILABLE = (
    "succeeded",
    "requires_action",
    "declined",
    "pending",
    "closed",
    "unavailable",
)
OPEN_INTENT = {"requires_action", "requires_confirmation", "processing"}


@dataclass(frozen=True)
class CardResult:
    status: str
    message: str = ""
    client_secret: str = ""


def is_payable(order):
    return order.parcels.filter(status=Parcel.Status.AWAITING_PAYMENT).exists()


def is_paid(order):
    """Paid and standing (money given back for a released order does not count)."""
    return (
        order.sources.filter(amount_debited__gt=0).exists()
        and order.parcels.exclude(status=Parcel.Status.CANCELLED).exists()
    )


def _settled(order):
    """The result for an order that no longer waits for a card, or None if it still does."""
    if is_payable(order):
        return None
    if is_paid(order):
        return CardResult(SUCCEEDED)
    return CardResult(CLOSED, _("This order can no longer be paid: it was cancelled."))


def pay(order, token) -> CardResult:
    """Charge the card ``token`` for the order, unless it is paid, closed or an attempt is open."""
    with transaction.atomic():
        source = bookkeeping.order_source(order, lock=True)
        if settled := _settled(order):
            return settled
        client = stripe_api.client()
        try:
            if source.reference:
                current = client.v1.payment_intents.retrieve(source.reference)
                if current.status == "succeeded" or current.status in OPEN_INTENT:
                    return _outcome(order, source, current)
            intent = _charge(client, order, source, token)
        except stripe.CardError as error:
            bookkeeping.record_attempt(source, _attempt_reference(error), "declined")
            return CardResult(
                DECLINED, decline_message(error.code, getattr(error.error, "decline_code", None))
            )
        except stripe.StripeError as error:
            logger.error("Card payment for order %s failed at Stripe: %s", order.number, error)
            return _unavailable()
        source.reference = intent.id
        source.save(update_fields=["reference"])
        bookkeeping.record_attempt(source, intent.id, intent.status)
        return _outcome(order, source, intent)


def check(order) -> CardResult:
    """Read the current PaymentIntent again, after the browser ran the 3-D Secure step."""
    with transaction.atomic():
        source = bookkeeping.order_source(order, lock=True)
        if settled := _settled(order):
            return settled
        if not source.reference:
            return CardResult(DECLINED, _("Please enter your card details."))
        try:
            intent = stripe_api.client().v1.payment_intents.retrieve(source.reference)
        except stripe.StripeError as error:
            logger.error("Reading payment %s of order %s failed: %s", source.reference, order.number, error)
            return _unavailable()
        bookkeeping.record_attempt(source, intent.id, intent.status)
        return _outcome(order, source, intent)


def abandon(order, reason) -> CardResult:
    """The shopper gives up paying: cancel the open PaymentIntent, release the order's stock.

    If the payment went through meanwhile, it stands and the order is confirmed instead.
    """
    with transaction.atomic():
        source = bookkeeping.order_source(order, lock=True)
        if refused := stop_attempt(order, source):
            return refused
        outcomes.payment_failed(order, reason=reason)
        return CardResult(CLOSED)


def stop_attempt(order, source):
    """Cancel the order's open PaymentIntent, so the card can no longer pay it (``source`` locked).

    Returns None when nothing can charge the order any more, else why it cannot be given up:
    paid meanwhile (the payment is written down), no longer payable, or Stripe not answering.
    """
    if settled := _settled(order):
        return settled
    if source.reference:
        client = stripe_api.client()
        try:
            intent = client.v1.payment_intents.retrieve(source.reference)
            if intent.status == "succeeded":
                return _outcome(order, source, intent)
            if intent.status in OPEN_INTENT | {"requires_payment_method"}:
                client.v1.payment_intents.cancel(intent.id)
        except stripe.StripeError as error:
            logger.error(
                "Cancelling payment %s of order %s failed: %s", source.reference, order.number, error
            )
            return _unavailable()
    return None


def record_payment(order, intent_id, amount) -> bool:
    """Write down money Stripe took for the order, once per PaymentIntent; the browser, the webhooks
    and the reconciliation all end here. Returns False when it was written down already.

    Refunds Stripe already made of it (in Stripe's dashboard, before we heard of the payment) are
    applied at once. Money that arrives for an order already paid (a second tab) or already released
    (the shopper gave up, the payment window passed) is given straight back, what is left of it.
    """
    with transaction.atomic():
        source = bookkeeping.order_source(order, lock=True)
        already_paid = source.amount_debited > 0
        if not bookkeeping.record_debit(source, amount, intent_id):
            return False
        stands = not already_paid and outcomes.payment_succeeded(order, reference=intent_id)
        if stands:
            source.reference = intent_id
            source.save(update_fields=["reference"])
        given_back = sum((refund.amount for refund in _apply_refunds(order, intent_id)), Decimal(0))
        if stands or given_back >= amount:
            return True
        logger.warning(
            "Order %s received payment %s it no longer needs: refunding it", order.number, intent_id
        )
        left = amount - given_back
        outcome = refund_intent(intent_id, left, key=f"refund-{order.number}-{intent_id}", order=order)
        if outcome.succeeded:
            bookkeeping.record_refund(
                source, left, outcome.reference, reason=_("The order no longer needed this payment.")
            )
        return True


def _apply_refunds(order, intent_id):
    """The payment's refunds made at Stripe, applied; if Stripe does not answer, the ``charge.refunded``
    webhook or the reconciliation applies them later, and the payment is written down all the same."""
    try:
        return stripe_refunds.apply(order, intent_id)
    except stripe.StripeError as error:
        logger.warning("Refunds of payment %s of order %s not read: %s", intent_id, order.number, error)
        return []


def _charge(client, order, source, token):
    """Create and confirm a PaymentIntent for the card ``token``: the one call chain that runs on
    Stripe and localstripe alike (a token becomes a customer's card; the card pays the intent)."""
    key = f"order-{order.number}-{token}"
    customer = client.v1.customers.create(
        params={"email": order.email, "source": token, "metadata": {"order_number": order.number}},
        options={"idempotency_key": f"{key}-customer"},
    )
    return client.v1.payment_intents.create(
        params={
            "amount": stripe_api.stripe_amount(source.amount_allocated),
            "currency": stripe_api.CURRENCY,
            "customer": customer.id,
            "payment_method": customer.default_source,
            "confirm": True,
            "metadata": {"order_number": order.number},
        },
        options={"idempotency_key": key},
    )


def _outcome(order, source, intent) -> CardResult:
    if intent.status == "succeeded":
        record_payment(order, intent.id, stripe_api.from_stripe_amount(intent.amount))
        return CardResult(SUCCEEDED)
    if intent.status == "requires_action":
        return CardResult(REQUIRES_ACTION, client_secret=intent.client_secret)
    if intent.status in ("processing", "requires_confirmation"):
        return CardResult(PENDING, _("Your bank is still processing the payment. Please wait a moment."))
    error = intent.last_payment_error
    return CardResult(
        DECLINED, decline_message(error.code if error else None, getattr(error, "decline_code", None))
    )


def _unavailable():
    return CardResult(UNAVAILABLE, _("The card service is not answering. Please try again in a moment."))


def _attempt_reference(error):
    """The declined PaymentIntent (Stripe names it), else the declined charge (localstripe)."""
    details = error.error
    intent = getattr(details, "payment_intent", None) if details else None
    if intent:
        return intent.id if hasattr(intent, "id") else intent
    return (getattr(details, "charge", None) if details else None) or ""


def decline_message(code, decline_code=None):
    """What the shopper reads when a card does not pay, and what to do next."""
    reasons = {
        "insufficient_funds": _("The card has insufficient funds."),
        "expired_card": _("The card has expired."),
        "incorrect_cvc": _("The card's security code (CVC) is incorrect."),
        "incorrect_number": _("The card number is incorrect."),
        "payment_intent_authentication_failure": _("The bank's verification (3-D Secure) was not completed."),
    }
    reason = reasons.get(decline_code) or reasons.get(code) or _("Your card was declined.")
    return _("%(reason)s Nothing was charged. Please try another card, or go back and pay on delivery.") % {
        "reason": reason
    }
