"""Refunds as Stripe knows them, written down once each, whoever made them and whenever we hear.

The marketplace's own refunds (``refunds.refund``) are written down when made, under the
refund's id; the others were made in Stripe's own dashboard. Each is found by its id, so a
replayed webhook, the card page and the reconciliation can all call :func:`apply` and write
nothing twice. A refund read before its payment is written down waits: ``card_payment.record_payment``
applies it when the payment arrives, whatever the order the events came in.

A refund made at Stripe is attributed to parcels by its amount, then goes the way of the
marketplace's own (``refunds.write_down``: the books, each parcel's move, the ledger's reversal):

- all that is left of the payment given back: every parcel not refunded yet;
- exactly one parcel's total (goods and shipping): that parcel, a cancelled one first (it waits
  for its money), else the first placed;
- any other amount: written against the order as a refund to review (shown on the order's payment
  tab, logged at WARNING) and taken back on the ledger from the parcels still sold, in proportion
  to what each still earns (``ledger.post_partial_refund``). Parcels do not move.

Refunds of a payment the order did not stand on (a second payment, or one arriving after the
order was released, which ``card_payment.record_payment`` gives back) are written against the order only.
"""

import logging
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace.order.models import Parcel
from marketplace.payouts import ledger

from . import bookkeeping, refunds, stripe_api

logger = logging.getLogger(__name__)

Transaction = get_model("payment", "Transaction")
Status = Parcel.Status
MADE = {"succeeded", "pending"}


@dataclass(frozen=True)
class StripeRefund:
    id: str
    amount: Decimal


def listed(intent_id) -> list[StripeRefund]:
    """The PaymentIntent's refunds made at Stripe, oldest first (may raise StripeError).

    A pending refund counts as made, for these as for the marketplace's own (``refund_intent``).
    """
    page = stripe_api.client().v1.refunds.list(params={"payment_intent": intent_id, "limit": 100})
    newest_first = [refund for refund in page.auto_paging_iter() if refund.status in MADE]
    return [
        StripeRefund(refund.id, stripe_api.from_stripe_amount(refund.amount))
        for refund in reversed(newest_first)
    ]


def apply(order, intent_id, known=None) -> list[StripeRefund]:
    """Write down each refund of the PaymentIntent not written down yet; returns those written.

    ``known`` is what ``listed`` answered, read from Stripe when not given. Nothing is written
    while the payment itself is not: its refunds are applied when it is.
    """
    known = listed(intent_id) if known is None else known
    with transaction.atomic():
        source = bookkeeping.order_source(order, lock=True)
        if not bookkeeping.has_transaction(source, Transaction.DEBIT, intent_id):
            return []
        new = [r for r in known if not bookkeeping.has_transaction(source, Transaction.REFUND, r.id)]
        for refund in new:
            _write_down(source, refund, order_stands_on_it=source.reference == intent_id)
        return new


def _write_down(source, refund, order_stands_on_it):
    order = source.order
    note = _("Refunded at Stripe (refund %(reference)s).") % {"reference": refund.id}
    if not order_stands_on_it:
        bookkeeping.record_refund(source, refund.amount, refund.id, reason=note)
        return
    covered = covered_parcels(order, source, refund.amount)
    if covered:
        refunds.write_down(source, refund.amount, refund.id, covered, note=note)
        return
    taken_back = ledger.post_partial_refund(order.parcels.order_by("pk"), refund.amount, note)
    bookkeeping.record_refund(source, refund.amount, refund.id, to_review=bool(taken_back), reason=note)
    if taken_back:
        logger.warning(
            "Refund %s of %s on order %s matches no parcel: taken back from its parcels in proportion,"
            " for the operator to check",
            refund.id,
            refund.amount,
            order.number,
        )


def covered_parcels(order, source, amount):
    """The parcels a refund of ``amount`` made at Stripe gives back (see the module's rule)."""
    waiting = [p for p in order.parcels.order_by("pk") if not bookkeeping.is_refunded(p)]
    if amount >= source.amount_available_for_refund:
        return waiting
    same_total = [p for p in waiting if p.total == amount]
    same_total.sort(key=lambda parcel: parcel.status != Status.CANCELLED)
    return same_total[:1]
