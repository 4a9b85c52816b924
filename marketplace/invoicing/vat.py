"""Splitting a price that includes VAT into its amount before tax and its VAT, in whole đồng.

Prices on the marketplace include VAT. The unit price before tax is rounded to the đồng (half up),
the line's amount before tax is that times the quantity, and the VAT is what is left of the
price: so quantity * unit price = amount and amount + VAT = the price paid, exactly.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings

from catalogue.vat import VatRate

WHOLE = Decimal("1")


@dataclass(frozen=True)
class Split:
    unit_price: Decimal
    amount: Decimal
    vat: Decimal


def default_rate():
    return settings.EINVOICE["DEFAULT_VAT_RATE"]


def shipping_rate():
    return settings.EINVOICE.get("SHIPPING_VAT_RATE") or default_rate()


def rate_of(product):
    """The product's VAT rate code (``"KCT"``, ``"0"``… ``"10"``), its own or the default."""
    return (getattr(product, "vat_rate", "") if product is not None else "") or default_rate()


def percent(rate):
    """The rate as a fraction: KCT (not subject) and 0 % charge nothing."""
    return Decimal("0") if rate == VatRate.NOT_SUBJECT else Decimal(rate) / 100


def split(price, quantity, rate):
    """``price`` (the line's total, VAT included) for ``quantity`` units at ``rate``."""
    price = Decimal(price).quantize(WHOLE, ROUND_HALF_UP)
    unit_price = (price / quantity / (1 + percent(rate))).quantize(WHOLE, ROUND_HALF_UP)
    amount = unit_price * quantity
    return Split(unit_price=unit_price, amount=amount, vat=price - amount)


def label(rate):
    """How the Tax Department's structure writes the rate (TSuat): ``8%``, or ``KCT``."""
    return rate if rate == VatRate.NOT_SUBJECT else f"{rate}%"
