"""How a parcel (one enterprise's part of an order) moves from payment to delivery.

The single rule for parcel status: checkout, payment callbacks, webhooks and the
enterprise's dashboard all call :func:`move`, which checks the move, locks the
row, keeps the history and does what the move means for stock and money:

- shipped: the units leave the enterprise, so the order lines' stock allocations
  are consumed (Oscar's allocate-then-consume model);
- cancelled: the parcel's stock is returned;
- confirmed, and cancelled or refunded after that: the payouts ledger records the
  sale, then its reversal.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace.payouts import ledger

from .models import VendorOrder, VendorOrderStatusChange

StockRecord = get_model("partner", "StockRecord")

Status = VendorOrder.Status

MOVES = {
    Status.AWAITING_PAYMENT: {Status.CONFIRMED, Status.CANCELLED},
    Status.CONFIRMED: {Status.PACKED, Status.CANCELLED},
    Status.PACKED: {Status.SHIPPED, Status.CANCELLED},
    Status.SHIPPED: {Status.DELIVERED, Status.REFUNDED},
    Status.DELIVERED: {Status.REFUNDED},
    Status.CANCELLED: set(),
    Status.REFUNDED: set(),
}
NEEDS_NOTE = {Status.CANCELLED, Status.REFUNDED}


def allowed_moves(vendor_order):
    return MOVES[vendor_order.status]


def check_move(from_status, to_status, note="", carrier="", tracking_number=""):
    """Raise ValidationError (with a code) unless the move and what it needs are all there."""
    if to_status not in MOVES[from_status]:
        raise ValidationError(
            _("A parcel that is %(from)s cannot become %(to)s.")
            % {"from": Status(from_status).label.lower(), "to": Status(to_status).label.lower()},
            code="move_not_allowed",
        )
    if to_status in NEEDS_NOTE and not note.strip():
        raise ValidationError(_("Please write the reason."), code="reason_required")
    if to_status == Status.SHIPPED and not (carrier.strip() and tracking_number.strip()):
        raise ValidationError(_("Please give the carrier and the tracking number."), code="tracking_required")


@transaction.atomic
def move(vendor_order, to_status, by=None, note="", carrier="", tracking_number=""):
    """Move the parcel, or raise ValidationError with a message for the person acting."""
    locked = VendorOrder.objects.select_for_update().get(pk=vendor_order.pk)
    check_move(locked.status, to_status, note, carrier, tracking_number)
    if to_status == Status.SHIPPED:
        locked.carrier, locked.tracking_number = carrier.strip(), tracking_number.strip()
    from_status = locked.status
    change = VendorOrderStatusChange.objects.create(
        vendor_order=locked, from_status=from_status, to_status=to_status, note=note.strip(), changed_by=by
    )
    locked.status = to_status
    locked.save(update_fields=["status", "carrier", "tracking_number", "date_updated"])
    if to_status == Status.SHIPPED:
        consume_stock(locked)
    elif to_status == Status.CANCELLED:
        return_stock(locked)
    ledger.record_move(locked, from_status, to_status, note=note.strip())
    vendor_order.status, vendor_order.carrier, vendor_order.tracking_number = (
        locked.status,
        locked.carrier,
        locked.tracking_number,
    )
    return change


def consume_stock(vendor_order):
    """The parcel has left: its allocated units are gone from stock for good."""
    for line in vendor_order.lines.select_related("stockrecord"):
        if line.stockrecord and line.num_allocated and not line.allocation_cancelled:
            line.consume_allocation(line.num_allocated)


def return_stock(vendor_order):
    """Put the parcel's units back on sale: allocations are cancelled, consumed units restocked.

    Called once per parcel (cancelled is final), so restocking cannot happen twice.
    """
    for line in vendor_order.lines.select_related("stockrecord"):
        if not line.stockrecord:
            continue  # the stock record was deleted: nothing to return the units to
        consumed = 0 if line.allocation_cancelled else line.quantity - line.num_allocated
        if line.num_allocated and not line.allocation_cancelled:
            line.cancel_allocation(line.num_allocated)
        if consumed > 0:
            StockRecord.objects.filter(pk=line.stockrecord_id).update(
                num_in_stock=F("num_in_stock") + consumed
            )
            # Announced as Oscar announces its own stock changes, so search hears of it too.
            line.stockrecord.refresh_from_db(fields=["num_in_stock", "num_allocated"])
            line.stockrecord.post_save_signal()


def was_paid(vendor_order):
    """Whether money was taken for the order, so cancelling the parcel must give its share back.

    Cash on delivery takes nothing before delivery; a card payment is debited on its source.
    """
    return vendor_order.order.sources.filter(amount_debited__gt=0).exists()


class RefundFailed(Exception):
    """The parcel is cancelled, but giving its money back did not go through (see ``messages``)."""

    def __init__(self, messages):
        super().__init__(" ".join(messages))
        self.messages = messages


def cancel(vendor_order, by, reason):
    """Cancel the parcel (its stock returns), then refund its total if it was paid.

    Raises ValidationError when the parcel cannot be cancelled (nothing changed), and
    :class:`RefundFailed` when it was cancelled but the refund was refused (the gateway
    may be down): the refund can then be made again from the order.
    """
    change = move(vendor_order, Status.CANCELLED, by=by, note=reason)
    if was_paid(vendor_order):
        from marketplace.payment.refunds import refund  # payments' single refund path

        try:
            refund(vendor_order.order, vendor_order=vendor_order, by=by, reason=reason)
        except ValidationError as refusal:
            raise RefundFailed(refusal.messages) from refusal
    return change
