"""The order this checkout placed that still waits for its card payment.

While it waits its basket is frozen, so the shopper who goes back from the card page finds an
empty basket: checkout offers the ways of paying for that order instead of starting another one.
"""

from oscar.core.loading import get_model

from marketplace.order.models import Parcel
from marketplace.payment.gateways.card import StripeCard

Order = get_model("order", "Order")


def order_awaiting_card(request):
    """The order placed in this session, paid by card and not paid yet, or None.

    None as well once the shopper fills a new basket: that basket is checked out as usual.
    """
    order_id = request.session.get("checkout_order_id")
    if not isinstance(order_id, int):
        return None
    basket = getattr(request, "basket", None)
    if basket is not None and not basket.is_empty:
        return None
    return (
        Order.objects.filter(
            pk=order_id,
            sources__source_type__code=StripeCard.code,
            parcels__status=Parcel.Status.AWAITING_PAYMENT,
        )
        .distinct()
        .first()
    )
