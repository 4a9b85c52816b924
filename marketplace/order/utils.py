"""Oscar's order creation, extended: stock under row locks first, then the order, then its parcels."""

from django.conf import settings
from django.db import transaction
from django.utils import translation
from oscar.apps.order import utils
from oscar.core.loading import get_model

from . import placement, stock

Order = get_model("order", "Order")


class OrderNumberGenerator(utils.OrderNumberGenerator):
    """Oscar's number (100000 + basket id); a basket checked out again after a failed payment: "…R2"."""

    def order_number(self, basket):
        base = super().order_number(basket)
        attempts = Order.objects.filter(basket=basket).count() if basket.id else 0
        return str(base) if attempts == 0 else f"{base}R{attempts + 1}"


class OrderCreator(utils.OrderCreator):
    def place_order(self, basket, total, shipping_method, shipping_charge, **kwargs):
        """Write the order and its parcels, or nothing at all (e.g. :class:`stock.NotEnoughStock`)."""
        with transaction.atomic():
            stock.allocate(basket.all_lines())
            order = super().place_order(basket, total, shipping_method, shipping_charge, **kwargs)
            placement.create_parcels(order, basket, shipping_method)
        return order

    def create_order_model(self, *args, **extra_order_fields):
        """The order remembers the language it was placed in (the page's: /en/ or Vietnamese)."""
        extra_order_fields.setdefault("language", ordering_language())
        return super().create_order_model(*args, **extra_order_fields)

    def update_stock_records(self, line):
        # Allocated up front by stock.allocate, under row locks.
        pass


def ordering_language():
    """The active language if the site offers it, else the site's default (Vietnamese)."""
    try:
        return translation.get_supported_language_variant(translation.get_language() or "")
    except LookupError:
        return settings.LANGUAGE_CODE
