"""Giving money back: one parcel's total (goods and shipping), or every paid parcel of an order.

Each parcel is refunded at most once, through the gateway the order was paid with, and never
for more than was paid. A refunded parcel that had shipped becomes "refunded"; a cancelled one
stays cancelled (cancelling already returned its stock). The parcel must be cancelled or have
shipped: a parcel still at the enterprise is cancelled instead, which refunds it.

Refunds made in Stripe's own dashboard reach parcels and the ledger through the same
:func:`write_down` (see ``stripe_refunds``).
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from marketplace.order import parcels
from marketplace.order.models import Parcel

from . import bookkeeping

Status = Parcel.Status


def refund(order, parcel=None, by=None, reason=""):
    """Refund one parcel, or the whole order; returns the Transactions written (none if nothing was paid).

    Raises ValidationError with a message for the person acting when the refund is not allowed,
    or when the payment provider refused it (parcels refunded before that one stay refunded).
    """
    if not reason.strip():
        raise ValidationError(_("Please write the reason."), code="reason_required")
    gateway = bookkeeping.gateway_for(order)
    if parcel is not None:
        if parcel.order_id != order.pk:
            raise ValidationError(_("This parcel belongs to another order."), code="wrong_order")
        if bookkeeping.is_refunded(parcel):
            raise ValidationError(
                _("Parcel %(number)s was already refunded.") % {"number": parcel.number},
                code="refunded",
            )
        chosen = [parcel]
    else:
        chosen = [p for p in order.parcels.all() if not bookkeeping.is_refunded(p)]
    to_refund = [p for p in chosen if gateway.paid_for(p)]
    for parcel in to_refund:
        _check_refundable(parcel)
    source = bookkeeping.order_source(order)
    total = sum((p.total for p in to_refund), Decimal(0))
    if source.amount_debited and total > source.amount_available_for_refund:
        raise ValidationError(
            _("This would give back more than was paid (%(available)s left to refund).")
            % {"available": source.amount_available_for_refund},
            code="more_than_paid",
        )
    return [_refund_parcel(gateway, parcel, by, reason.strip()) for parcel in to_refund]


def _check_refundable(parcel):
    if parcel.status != Status.CANCELLED and Status.REFUNDED not in parcels.allowed_moves(parcel):
        raise ValidationError(
            _("Parcel %(number)s is %(status)s: cancel it instead, which returns its stock and refunds it.")
            % {"number": parcel.number, "status": Status(parcel.status).label.lower()},
            code="not_refundable",
        )


@transaction.atomic
def _refund_parcel(gateway, parcel, by, reason):
    """One parcel under the order's Source lock, so a webhook or a second click waits and then
    finds the refund written down."""
    source = bookkeeping.order_source(parcel.order, lock=True)
    if bookkeeping.is_refunded(parcel):
        raise ValidationError(
            _("Parcel %(number)s was already refunded.") % {"number": parcel.number}, code="refunded"
        )
    parcel.refresh_from_db(fields=["status"])
    _check_refundable(parcel)
    outcome = gateway.refund(parcel.order, parcel.total, parcel=parcel)
    if not outcome.succeeded:
        raise ValidationError(outcome.message or _("The refund did not go through."), code="refund_failed")
    return write_down(source, parcel.total, outcome.reference, [parcel], by=by, note=reason)


def write_down(source, amount, reference, covered, by=None, note=""):
    """Money given back for the ``covered`` parcels, written down once: the books, then each parcel.

    The one way a refund reaches parcels and the ledger, whether the marketplace made it or Stripe
    tells of it (``stripe_refunds``). Call under the Source lock; returns the refund's Transaction.
    """
    bookkeeping.record_refund(source, amount, reference, parcels=covered, by=by, reason=note)
    for parcel in covered:
        _close(parcel, by, note)
    return source.transactions.get(txn_type=source.transactions.model.REFUND, reference=reference)


def _close(parcel, by, note):
    """A parcel whose money went back: refunded once it has left the enterprise, cancelled (its stock
    back on sale) while still there; a cancelled or refunded parcel stays as it is. Either move adds
    the ledger's reversing row."""
    if parcel.status in (Status.CANCELLED, Status.REFUNDED):
        return
    to_status = Status.REFUNDED if Status.REFUNDED in parcels.allowed_moves(parcel) else Status.CANCELLED
    parcels.move(parcel, to_status, by=by, note=note)
