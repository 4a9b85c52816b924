"""The card orders' books compared with Stripe, and what a lost webhook left out written down.

Each PaymentIntent an order's books name (the Source's reference, its payments, its attempts)
is read from Stripe. The differences found:

- a payment Stripe took that the books miss, or a refund made at Stripe that they miss: repaired
  through ``webhooks.settle``, as the lost webhook would have done;
- a payment the books hold that Stripe does not show as succeeded, or for another amount, and a
  refund the books hold that Stripe does not know: for a person to look into.
"""

from dataclasses import dataclass, field
from datetime import timedelta

import stripe
from django.utils import timezone
from oscar.core.loading import get_model

from . import bookkeeping, stripe_api, stripe_refunds, webhooks

Order = get_model("order", "Order")
Transaction = get_model("payment", "Transaction")


@dataclass(frozen=True)
class Difference:
    text: str
    repairable: bool = False


@dataclass
class Check:
    """One order's differences with Stripe, and those left after a repair (None: not repaired)."""

    order: object
    differences: list = field(default_factory=list)
    left: list | None = None

    def __str__(self):
        line = f"Order {self.order.number}: " + "; ".join(d.text for d in self.differences)
        if self.left is None:
            return line
        if not self.left:
            return f"{line} (repaired)"
        return f"{line} (still: " + "; ".join(d.text for d in self.left) + ")"


def card_orders(since_days=None):
    """Orders paid or to be paid by card, the oldest first; ``since_days``: placed in those last days."""
    orders = Order.objects.filter(sources__source_type__code="card")
    if since_days is not None:
        orders = orders.filter(date_placed__gte=timezone.now() - timedelta(days=since_days))
    return orders.distinct().order_by("pk")


def reconcile(orders, repair=False, progress=None):
    """Compare each order with Stripe and yield a Check for each order with differences.

    With ``repair``, what Stripe did that the books miss is written down, and the order compared
    again. ``progress(done, total)`` is called after each order.
    """
    total = orders.count()
    for done, order in enumerate(orders.iterator(), start=1):
        differences, intents = compare(order)
        if differences:
            check = Check(order, differences)
            if repair and any(d.repairable for d in differences):
                _repair(order, intents)
                check.left, _intents = compare(order)
            yield check
        if progress:
            progress(done, total)


def _repair(order, intents):
    try:
        for intent in intents:
            if intent["status"] == "succeeded":
                webhooks.settle(order, intent)
    except stripe.StripeError:
        pass  # what is left is compared again, and reported


def compare(order):
    """The differences between the order's books and Stripe, and the PaymentIntents read (as dicts)."""
    source = bookkeeping.order_source(order)
    try:
        intents = [
            stripe_api.client().v1.payment_intents.retrieve(intent_id).to_dict()
            for intent_id in intent_ids(source)
        ]
        differences, known_refunds = [], set()
        for intent in intents:
            found, refunds = _compare_intent(source, intent)
            differences += found
            known_refunds |= {refund.id for refund in refunds}
    except stripe.StripeError as error:
        return [Difference(f"could not be read at Stripe ({error.__class__.__name__}: {error})")], []
    recorded = source.transactions.filter(txn_type=Transaction.REFUND)
    differences += [
        Difference(f"refund {txn.reference or '-'} of {txn.amount:.0f} is unknown to Stripe")
        for txn in recorded.exclude(reference__in=known_refunds)
    ]
    return differences, intents


def intent_ids(source):
    references = set(
        source.transactions.filter(
            txn_type__in=[Transaction.DEBIT, bookkeeping.ATTEMPT], reference__startswith="pi_"
        ).values_list("reference", flat=True)
    )
    return sorted(references | ({source.reference} if source.reference else set()))


def _compare_intent(source, intent):
    """The differences for one PaymentIntent, and its refunds at Stripe."""
    intent_id = intent["id"]
    debit = source.transactions.filter(txn_type=Transaction.DEBIT, reference=intent_id).first()
    if intent["status"] != "succeeded":
        if debit is None:
            return [], []
        return [Difference(f"payment {intent_id} is recorded but Stripe says {intent['status']}")], []
    received = stripe_api.amount_received(intent)
    differences = []
    if debit is None:
        differences.append(
            Difference(f"payment {intent_id} of {received:.0f} is not recorded", repairable=True)
        )
    elif debit.amount != received:
        differences.append(
            Difference(f"payment {intent_id} is recorded as {debit.amount:.0f}, Stripe took {received:.0f}")
        )
    refunds = stripe_refunds.listed(intent_id)
    differences += [
        Difference(
            f"refund {refund.id} of {refund.amount:.0f} made at Stripe is not recorded", repairable=True
        )
        for refund in refunds
        if not bookkeeping.has_transaction(source, Transaction.REFUND, refund.id)
    ]
    return differences, refunds
