"""Where a transfer order stands for its shopper: waiting for the money (until when), paid, or released."""

from datetime import timedelta

from django.utils import timezone

from marketplace.order.models import Parcel

AWAITING = "awaiting"
PAID = "paid"
RELEASED = "released"  # cancelled: the hold passed, or the shopper or operator gave it up
EXPIRED = "expired"  # the hold passed; the sweep cancels it within minutes


def hold_until(order, gateway):
    """When the order's stock goes back on sale unless the transfer has arrived."""
    return order.date_placed + timedelta(minutes=gateway.hold_minutes())


def state_of(order, gateway, now=None):
    statuses = set(order.parcels.values_list("status", flat=True))
    if Parcel.Status.AWAITING_PAYMENT in statuses:
        return EXPIRED if (now or timezone.now()) >= hold_until(order, gateway) else AWAITING
    if statuses and statuses <= {Parcel.Status.CANCELLED}:
        return RELEASED
    return PAID
