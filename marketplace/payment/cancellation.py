"""Cancelling a parcel that may have been paid: its stock returns, then its money goes back.

The order app only moves parcels; giving money back is the payment app's, so a cancellation
from the dashboards comes through here rather than through ``parcels.move`` alone.
"""

from django.core.exceptions import ValidationError

from marketplace.order import parcels
from marketplace.order.models import Parcel

from . import bookkeeping, refunds


def was_paid(parcel):
    """Whether money was taken for the order, so cancelling the parcel must give its share back.

    Cash on delivery takes nothing before delivery; a card payment is debited on its source.
    """
    return parcel.order.sources.filter(amount_debited__gt=0).exists()


class RefundFailed(Exception):
    """The parcel is cancelled, but giving its money back did not go through (see ``messages``)."""

    def __init__(self, messages):
        super().__init__(" ".join(messages))
        self.messages = messages


def refund_sent_by_hand(parcel):
    """Whether a paid parcel's money goes back by hand (a bank transfer the operator sends and then
    records on the order, naming it): cancelling it then leaves the refund to the operator, who
    finds it among the refunds to send."""
    return was_paid(parcel) and bookkeeping.gateway_for(parcel.order).refund_needs_reference


def cancel_parcel(parcel, by, reason):
    """Cancel the parcel (its stock returns), then refund its total if it was paid, unless that
    money goes back by hand (:func:`refund_sent_by_hand`).

    Raises ValidationError when the parcel cannot be cancelled (nothing changed), and
    :class:`RefundFailed` when it was cancelled but the refund was refused (the gateway
    may be down): the refund can then be made again from the order.
    """
    change = parcels.move(parcel, Parcel.Status.CANCELLED, by=by, note=reason)
    if was_paid(parcel) and not refund_sent_by_hand(parcel):
        try:
            refunds.refund(parcel.order, parcel=parcel, by=by, reason=reason)
        except ValidationError as refusal:
            raise RefundFailed(refusal.messages) from refusal
    return change
