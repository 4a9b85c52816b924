"""Test orders placed the way checkout places them: one order, one parcel per enterprise.

``shared_order`` gives one order holding a line from each demo enterprise (vendor1's and
vendor2's), their stock allocated, each parcel confirmed (unless told not to) and, if
asked, paid by card.
"""

from oscar.core.loading import get_class, get_model
from oscar.test.factories import create_order

from marketplace.order import parcels

Basket = get_model("basket", "Basket")
Product = get_model("catalogue", "Product")
Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")
VendorOrder = get_model("order", "VendorOrder")
Selector = get_class("partner.strategy", "Selector")
Repository = get_class("shipping.repository", "Repository")


def product_of(user):
    """A product of the user's enterprise with stock to sell."""
    return (
        Product.objects.filter(stockrecords__partner__users=user, stockrecords__num_in_stock__gte=5)
        .order_by("pk")
        .first()
    )


def place_order(shopper, quantities, confirm=True, paid_by_card=False, guest_email=""):
    """An order of ``{product: quantity}`` with each enterprise's cheapest delivery.

    ``shopper`` None with a ``guest_email`` places it as a guest.
    """
    basket = Basket.objects.create(owner=shopper)
    basket.strategy = Selector().strategy()
    for product, quantity in quantities.items():
        basket.add_product(product, quantity)
    extra = {"guest_email": guest_email} if guest_email else {}
    order = create_order(
        basket=basket, user=shopper, shipping_method=Repository().parcel_shipping(basket), **extra
    )
    if confirm:
        for parcel in order.vendor_orders.order_by("pk"):
            parcels.move(parcel, VendorOrder.Status.CONFIRMED, note="Paid.")
    if paid_by_card:
        card, _created = SourceType.objects.get_or_create(code="card", defaults={"name": "Card"})
        Source.objects.create(
            order=order,
            source_type=card,
            amount_allocated=order.total_incl_tax,
            amount_debited=order.total_incl_tax,
        )
    return order


def shared_order(shopper, vendor1, vendor2, **kwargs):
    return place_order(shopper, {product_of(vendor1): 2, product_of(vendor2): 1}, **kwargs)


def parcel_of(order, user):
    return VendorOrder.objects.get(order=order, enterprise__users=user)
