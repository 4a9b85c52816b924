"""The shopper's way back to paying an order that still awaits its payment (a bank transfer's code),
from their order page: the checkout session that placed it may be long gone."""

from django import template

from marketplace.order.models import Parcel
from marketplace.payment import bookkeeping

register = template.Library()


@register.simple_tag
def pay_now_url(order, parcels):
    """Where ``order`` is paid, while any of its ``parcels`` awaits payment and its gateway has such a
    page; "" otherwise (and no query unless a parcel awaits payment)."""
    if not any(parcel.status == Parcel.Status.AWAITING_PAYMENT for parcel in parcels):
        return ""
    gateway = bookkeeping.started_gateway(order)
    return gateway.resume_url(order) if gateway else ""
