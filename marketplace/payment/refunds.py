"""Giving money back: one parcel's total (goods and shipping), or every paid parcel of an order.

Each parcel is refunded at most once, through the gateway the order was paid with, and never
for more than was paid. A refunded parcel that had shipped becomes "refunded"; a cancelled one
stays cancelled (cancelling already returned its stock). The parcel must be cancelled or have
shipped: a parcel still at the enterprise is cancelled instead, which refunds it.

A gateway whose money goes back by hand (bank transfer: ``refund_needs_reference``) is told the
operator's reference of the outgoing transfer; it becomes the refund's Transaction reference, once per
order. One reference covers every parcel it refunds: one Transaction, one payment event.

Refunds made in Stripe's own dashboard reach parcels and the ledger through the same
:func:`write_down` (see ``stripe_refunds``).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from marketplace.order import parcels
from marketplace.order.models import Parcel

from . import bookkeeping

Status = Parcel.Status
Transaction = bookkeeping.Transaction


def refund(order, parcel=None, by=None, reason="", reference=""):
    """Refund one parcel, or the whole order; returns the Transactions written (none if nothing was paid).

    ``reference`` names money sent back by hand (required when the order's gateway
    ``refund_needs_reference``). Raises ValidationError with a message for the person acting when the
    refund is not allowed, or when the payment provider refused it (parcels refunded before that one
    stay refunded).
    """
    if not reason.strip():
        raise ValidationError(_("Please write the reason."), code="reason_required")
    reference = reference.strip()
    if not order.sources.exists():
        return []  # nothing was ever asked of a payment method
    gateway = bookkeeping.gateway_for(order)
    if not takes_reference(gateway):
        reference = ""  # the provider names its own refund (Stripe's refund id)
    if gateway.refund_needs_reference and not reference:
        raise ValidationError(
            _("Please give the reference of the transfer that sent the money back."),
            code="reference_required",
        )
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
    _check_within_paid(bookkeeping.order_source(order), sum((p.total for p in to_refund), Decimal(0)))
    if reference and to_refund:  # one outgoing transfer (or handover) for all of them
        return [_refund_parcels(gateway, to_refund, by, reason.strip(), reference)]
    return [_refund_parcels(gateway, [parcel], by, reason.strip()) for parcel in to_refund]


def takes_reference(gateway):
    """Whether the operator names the refund: money sent back by hand (transfer, cash)."""
    return gateway.refund_needs_reference or gateway.refund_takes_reference


def _check_within_paid(source, total):
    if source.amount_debited and total > source.amount_available_for_refund:
        raise ValidationError(
            _("This would give back more than was paid (%(available)s left to refund).")
            % {"available": source.amount_available_for_refund},
            code="more_than_paid",
        )


def _check_refundable(parcel):
    if parcel.status != Status.CANCELLED and Status.REFUNDED not in parcels.allowed_moves(parcel):
        raise ValidationError(
            _("Parcel %(number)s is %(status)s: cancel it instead, which returns its stock and refunds it.")
            % {"number": parcel.number, "status": Status(parcel.status).label.lower()},
            code="not_refundable",
        )


@transaction.atomic
def _refund_parcels(gateway, chosen, by, reason, reference=""):
    """The parcels' money given back under the order's Source lock, so a webhook, a second click or
    a second operator waits and then finds the refund written down (and is refused)."""
    order = chosen[0].order
    source = bookkeeping.order_source(order, lock=True)
    for parcel in chosen:
        if bookkeeping.is_refunded(parcel):
            raise ValidationError(
                _("Parcel %(number)s was already refunded.") % {"number": parcel.number}, code="refunded"
            )
        parcel.refresh_from_db(fields=["status"])
        _check_refundable(parcel)
    if reference and bookkeeping.has_transaction(source, Transaction.REFUND, reference):
        raise ValidationError(
            _("The reference %(reference)s was already used for a refund of this order.")
            % {"reference": reference},
            code="reference_used",
        )
    amount = sum((parcel.total for parcel in chosen), Decimal(0))
    _check_within_paid(source, amount)
    one = chosen[0] if len(chosen) == 1 else None
    outcome = gateway.refund(order, amount, parcel=one, reference=reference)
    if not outcome.succeeded:
        raise ValidationError(outcome.message or _("The refund did not go through."), code="refund_failed")
    return write_down(source, amount, outcome.reference, chosen, by=by, note=reason)


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


@dataclass(frozen=True)
class ParcelRefund:
    """What refunding one parcel would give back now, or why it would give nothing (for the form)."""

    parcel: Parcel
    amount: Decimal
    why_not: str = ""


def preview(order):
    """Each parcel of the order with what a refund would give back, so the operator sees it before acting."""
    if not order.sources.exists():
        return []
    gateway = bookkeeping.gateway_for(order)
    rows = []
    for parcel in order.parcels.select_related("enterprise").order_by("pk"):
        if bookkeeping.is_refunded(parcel):
            why_not = _("Already refunded.")
        elif not gateway.paid_for(parcel):
            why_not = not_paid_message(gateway, parcel)
        elif parcel.status != Status.CANCELLED and Status.REFUNDED not in parcels.allowed_moves(parcel):
            why_not = _("Still at the enterprise: cancel it instead.")
        else:
            why_not = ""
        rows.append(ParcelRefund(parcel, Decimal(0) if why_not else parcel.total, why_not))
    return rows


def not_paid_message(gateway, parcel):
    """Why a parcel gives nothing back: cash on delivery is collected only when it is delivered."""
    if gateway.confirms_on_placement and parcel.status not in (Status.CANCELLED, Status.REFUNDED):
        return _(
            "Parcel %(number)s has not been delivered, so no cash was collected: nothing to refund. "
            "A parcel still at the enterprise is cancelled instead."
        ) % {"number": parcel.number}
    return _("Nothing was paid for parcel %(number)s, so there is nothing to refund.") % {
        "number": parcel.number
    }


def nothing_to_refund_message(order, parcel=None):
    """Why a refund gave nothing back: the parcel was not paid for, or the order has nothing left."""
    if parcel is not None and order.sources.exists():
        return not_paid_message(bookkeeping.gateway_for(order), parcel)
    if any(bookkeeping.is_refunded(each) for each in order.parcels.all()):
        return _("Every paid parcel of this order was already refunded.")
    return _("Nothing was paid for this yet, so there is nothing to refund.")
