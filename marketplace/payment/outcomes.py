"""What happens to an order when its payment succeeds or fails: the one place for both.

Checkout, the card payment page, the webhooks and the abandoned-payment sweep all call these.
Each locks the order first, so a webhook and the shopper's return arriving together
act once, and each is idempotent: calling it again changes nothing.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace.order import notifications, parcels
from marketplace.order.models import Parcel

from . import bookkeeping
from .gateways import gateways

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
Status = Parcel.Status


def _lock(order):
    return Order.objects.select_for_update().get(pk=order.pk)


def confirm(order, note="", by=None):
    """Parcels awaiting payment become confirmed, the basket is spent, e-mails go out (once)."""
    with transaction.atomic():
        _lock(order)
        awaiting = list(order.parcels.filter(status=Status.AWAITING_PAYMENT).order_by("pk"))
        if not awaiting:
            return False
        for parcel in awaiting:
            parcels.move(parcel, Status.CONFIRMED, by=by, note=note)
        basket = Basket.objects.filter(pk=order.basket_id).first()
        if basket is not None and basket.status != Basket.SUBMITTED:
            basket.submit()
        notifications.send_order_confirmation(order)
    return True


def payment_succeeded(order, reference=""):
    """The payment for ``order`` went through.

    Returns True when the order stands (now or already confirmed), False when it had been
    cancelled meanwhile (e.g. abandoned and its stock released): the caller must refund.
    """
    note = _("Paid (reference %(reference)s).") % {"reference": reference} if reference else _("Paid.")
    confirm(order, note=note)
    return order.parcels.exclude(status=Status.CANCELLED).exists()


def payment_failed(order, reason=""):
    """The payment for ``order`` failed or was abandoned: parcels cancelled, stock released, basket kept.

    Returns True when this call cancelled something, False when there was nothing left to cancel.
    """
    note = reason.strip() or _("The payment did not go through.")
    with transaction.atomic():
        _lock(order)
        awaiting = list(order.parcels.filter(status=Status.AWAITING_PAYMENT).order_by("pk"))
        for parcel in awaiting:
            parcels.move(parcel, Status.CANCELLED, note=note)  # the move returns the parcel's stock
        basket = Basket.objects.filter(pk=order.basket_id).first()
        if awaiting and basket is not None and basket.status == Basket.FROZEN:
            basket.thaw()  # the shopper finds the basket as it was and may try again
    return bool(awaiting)


def abandoned_orders(minutes, now=None):
    """Orders whose parcels still await payment ``minutes`` after the order was placed."""
    cutoff = (now or timezone.now()) - timedelta(minutes=minutes)
    return Order.objects.filter(date_placed__lt=cutoff, parcels__status=Status.AWAITING_PAYMENT).distinct()


def payment_timeout_minutes():
    """How long a card order may wait for its payment before its stock goes back on sale."""
    return getattr(settings, "MARKETPLACE_PAYMENT_TIMEOUT_MINUTES", 30)


def cancel_abandoned(minutes=None, now=None):
    """Fail every payment abandoned for longer than its hold; returns the orders cancelled.

    The hold is ``minutes`` for every order when given, else each order's gateway's
    ``hold_minutes()`` (a bank transfer waits longer than a card).
    """
    now = now or timezone.now()
    shortest = minutes
    if minutes is None:
        shortest = min([payment_timeout_minutes(), *(gw.hold_minutes() for gw in gateways().values())])
    cancelled = []
    for order in abandoned_orders(shortest, now):
        hold = minutes if minutes is not None else hold_minutes_of(order)
        if order.date_placed >= now - timedelta(minutes=hold):
            continue
        reason = _("The payment was not completed within %(minutes)d minutes.") % {"minutes": hold}
        if payment_failed(order, reason):
            cancelled.append(order)
    return cancelled


def hold_minutes_of(order):
    """How long ``order`` may await its payment: its gateway's hold (the card's timeout when the
    order has no payment source yet)."""
    gateway = bookkeeping.started_gateway(order)
    return gateway.hold_minutes() if gateway else payment_timeout_minutes()
