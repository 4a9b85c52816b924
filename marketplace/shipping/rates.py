"""What delivering one enterprise's parcel costs: the rules, in plain functions.

An enterprise offers the rates it set (flat, by weight, free from an amount); one
that has set none offers the marketplace's standard delivery, so every product
can be bought from the day its enterprise is approved.
"""

import math
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from .models import ShippingRate

STANDARD_CHARGE = Decimal("30000")
# A product whose weight is not recorded counts as this much on a weight rate.
DEFAULT_ITEM_WEIGHT_GRAMS = 500


def standard_rate(enterprise=None):
    """The rate an enterprise offers until it sets its own (never saved)."""
    return ShippingRate(
        enterprise=enterprise,
        name=_("Standard delivery"),
        kind=ShippingRate.Kind.FLAT,
        charge=STANDARD_CHARGE,
    )


def rates_for(enterprise):
    """The rates a shopper may choose for this enterprise's parcel, cheapest first."""
    rates = [rate for rate in enterprise.shipping_rates.all() if rate.is_active]
    return sorted(rates, key=lambda rate: (rate.charge, rate.pk)) or [standard_rate(enterprise)]


def parcel_weight_grams(lines):
    """The shipping weight of the basket lines that need delivering."""
    return sum(
        (line.product.weight_grams or DEFAULT_ITEM_WEIGHT_GRAMS) * line.quantity
        for line in lines
        if line.product.is_shipping_required
    )


def shipping_charge(rate, goods_total, weight_grams):
    """What the rate charges for a parcel whose goods cost ``goods_total`` and weigh ``weight_grams``."""
    if rate.free_above is not None and goods_total >= rate.free_above:
        return Decimal("0")
    if rate.kind == ShippingRate.Kind.WEIGHT:
        kilograms = max(1, math.ceil(weight_grams / 1000))
        return rate.charge + rate.charge_per_extra_kg * (kilograms - 1)
    return rate.charge
