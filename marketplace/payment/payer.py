"""Who may see an order's payment pages: the shopper who placed it, and nobody else.

Shared by the card page and the bank transfer page (``marketplace.transfers``).
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from oscar.core.loading import get_model

Order = get_model("order", "Order")


def is_payer(request, order):
    """The order's own shopper: their account or, for a guest, the checkout session that placed it."""
    if order.user_id is not None:
        return order.user_id == request.user.pk
    return request.session.get("checkout_order_id") == order.pk


class PayerOrderMixin:
    """The order named in the URL, for the shopper who placed it and paid by ``gateway_code``;
    anyone else gets a 404."""

    gateway_code = "card"

    def dispatch(self, request, *args, **kwargs):
        self.order = get_object_or_404(
            Order, number=kwargs["number"], sources__source_type__code=self.gateway_code
        )
        if not is_payer(request, self.order):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def thank_you(self):
        """The thank-you page, for this order (Oscar's page shows the session's order)."""
        self.request.session["checkout_order_id"] = self.order.pk
        return reverse("checkout:thank-you")
