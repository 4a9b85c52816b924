"""Placing an order: one Oscar order for the shopper, one parcel per enterprise.

:class:`marketplace.order.utils.OrderCreator` calls these inside the transaction that
writes the order, so an order never exists without its parcels, nor parcels
without the stock they sell.
"""

from decimal import Decimal

from django.utils.translation import gettext as _
from oscar.core.loading import get_class

from .models import Parcel, ParcelStatusChange

lines_by_enterprise = get_class("basket.groups", "lines_by_enterprise")


def parcel_number(order, position):
    return f"{order.number}-{position}"


def parcel_delivery(shipping_method, basket, enterprise, basket_lines):
    """``(code, name, charge)`` of the enterprise's delivery within the basket's shipping method.

    Checkout's ParcelShipping holds one rate per enterprise. One of Oscar's basket-wide
    methods is accepted only when free (Oscar's test factories place orders with ``Free``):
    a basket-wide charge cannot be split between parcels.
    """
    for_enterprise = getattr(shipping_method, "for_enterprise", None)
    if for_enterprise is not None:
        method = for_enterprise(enterprise)
        return method.code, str(method.name), method.charge_for(basket_lines)
    if shipping_method.calculate(basket).incl_tax:
        raise ValueError(f"{shipping_method.code} charges the whole basket: parcels need ParcelShipping")
    return shipping_method.code, str(shipping_method.name), Decimal("0")


def create_parcels(order, basket, shipping_method):
    """One Parcel per enterprise, numbered in basket order, with its goods and its delivery."""
    order_lines = list(order.lines.all())
    parcels = []
    for position, (enterprise, basket_lines) in enumerate(lines_by_enterprise(basket), start=1):
        code, name, charge = parcel_delivery(shipping_method, basket, enterprise, basket_lines)
        parcel = Parcel.objects.create(
            order=order,
            enterprise=enterprise,
            number=parcel_number(order, position),
            status=Parcel.Status.AWAITING_PAYMENT,
            lines_total=sum(
                (line.line_price_incl_tax for line in order_lines if line.partner_id == enterprise.pk),
                Decimal("0"),
            ),
            shipping_method_code=code,
            shipping_method_name=name,
            shipping_charge=charge,
        )
        ParcelStatusChange.objects.create(
            parcel=parcel,
            from_status="",
            to_status=parcel.status,
            note=_("Order placed."),
            changed_by=order.user,
        )
        parcels.append(parcel)
    return parcels
