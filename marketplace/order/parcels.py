"""How a parcel (one enterprise's part of an order) moves from payment to delivery.

The single rule for parcel status: checkout, payment callbacks, webhooks and the
enterprise's dashboard all call :func:`move`, which checks the move, locks the
row, keeps the history and does what the move means for stock and money:

- shipped: the units leave the enterprise, so the order lines' stock allocations
  are consumed (Oscar's allocate-then-consume model);
- cancelled: the parcel's stock is returned;
- every move is announced (:data:`marketplace.order.signals.parcel_moved`) inside the
  same transaction: the payouts ledger records a confirmed parcel's sale, then its
  reversal when it is cancelled or refunded.
"""

from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from oscar.core.loading import get_model

from marketplace.workflow import Workflow

from .models import Parcel, ParcelStatusChange
from .signals import parcel_moved

StockRecord = get_model("partner", "StockRecord")

Status = Parcel.Status

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


class ParcelFulfilment(Workflow):
    """Shipping needs the carrier and tracking number; stock follows each move, and it is announced."""

    model = Parcel
    statuses = Status
    history = ParcelStatusChange
    subject = "parcel"
    reason_field = "note"
    moves = MOVES
    needs_reason = NEEDS_NOTE
    cannot_become = gettext_noop("A parcel that is %(from)s cannot become %(to)s.")
    reason_required = gettext_noop("Please write the reason.")
    saved_fields = ("status", "carrier", "tracking_number", "date_updated")
    audit_kind = "parcel_cancellation"  # only cancellations are decisions (see audit_decisions)

    def audit_decisions(self, parcel, change, **extras):
        return super().audit_decisions(parcel, change) if change.to_status == Status.CANCELLED else []

    def check_extras(self, to_status, parcel=None, carrier="", tracking_number=""):
        if to_status == Status.SHIPPED and not (carrier.strip() and tracking_number.strip()):
            raise ValidationError(
                _("Please give the carrier and the tracking number."), code="tracking_required"
            )

    def before_save(self, parcel, change, carrier="", tracking_number=""):
        if change.to_status == Status.SHIPPED:
            parcel.carrier, parcel.tracking_number = carrier.strip(), tracking_number.strip()

    def after_save(self, parcel, change, **extras):
        if change.to_status == Status.SHIPPED:
            consume_stock(parcel)
        elif change.to_status == Status.CANCELLED:
            return_stock(parcel)
        parcel_moved.send(sender=Parcel, parcel=parcel, change=change)


PARCEL_FULFILMENT = ParcelFulfilment()


def allowed_moves(parcel):
    return PARCEL_FULFILMENT.allowed_moves(parcel.status)


def check_move(from_status, to_status, note="", carrier="", tracking_number=""):
    """Raise ValidationError (with a code) unless the move and what it needs are all there."""
    PARCEL_FULFILMENT.check(from_status, to_status, note, carrier=carrier, tracking_number=tracking_number)


def move(parcel, to_status, by=None, note="", carrier="", tracking_number=""):
    """Move the parcel, or raise ValidationError with a message for the person acting."""
    return PARCEL_FULFILMENT.move(
        parcel, to_status, by=by, reason=note, carrier=carrier, tracking_number=tracking_number
    )


def consume_stock(parcel):
    """The parcel has left: its allocated units are gone from stock for good."""
    for line in parcel.lines.select_related("stockrecord"):
        if line.stockrecord and line.num_allocated and not line.allocation_cancelled:
            line.consume_allocation(line.num_allocated)


def return_stock(parcel):
    """Put the parcel's units back on sale: allocations are cancelled, consumed units restocked.

    Called once per parcel (cancelled is final), so restocking cannot happen twice.
    """
    for line in parcel.lines.select_related("stockrecord"):
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
