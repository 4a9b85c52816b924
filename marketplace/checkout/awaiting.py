"""The order this checkout placed that still waits for its payment (card or bank transfer).

While it waits its basket is frozen, so the shopper who goes back from the payment page finds an
empty basket: checkout offers the ways of paying for that order instead of starting another one
(a card), or sends the shopper back to the page where it is paid (a bank transfer's code).
"""

from oscar.core.loading import get_model

from marketplace.order.models import Parcel
from marketplace.payment import bookkeeping
from marketplace.payment.gateways.card import StripeCard

Order = get_model("order", "Order")


def _orders_awaiting_payment(request):
    """This session's placed order while its parcels await payment, unless a new basket is filled."""
    order_id = request.session.get("checkout_order_id")
    if not isinstance(order_id, int):
        return Order.objects.none()
    basket = getattr(request, "basket", None)
    if basket is not None and not basket.is_empty:
        return Order.objects.none()
    return Order.objects.filter(pk=order_id, parcels__status=Parcel.Status.AWAITING_PAYMENT).distinct()


def order_awaiting_card(request):
    """The order placed in this session, paid by card and not paid yet, or None.

    None as well once the shopper fills a new basket: that basket is checked out as usual.
    """
    return _orders_awaiting_payment(request).filter(sources__source_type__code=StripeCard.code).first()


def resume_payment_url(request):
    """The page where the order placed in this session is paid, when its gateway has one to go
    back to (a bank transfer's code), else ""."""
    order = _orders_awaiting_payment(request).first()
    gateway = bookkeeping.started_gateway(order) if order else None
    return gateway.resume_url(order) if gateway else ""
