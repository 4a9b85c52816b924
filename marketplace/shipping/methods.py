"""Oscar shipping methods for a basket that leaves as one parcel per enterprise."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from oscar.apps.shipping.methods import Base
from oscar.core import prices

from . import rates


def _price(basket, amount):
    # Prices are tax-inclusive (NoTax strategy): a known, zero tax.
    return prices.Price(currency=basket.currency, excl_tax=amount, tax=Decimal("0"))


class EnterpriseRate(Base):
    """One of an enterprise's rates, charging for that enterprise's lines only."""

    def __init__(self, rate, enterprise):
        self.rate = rate
        self.enterprise = enterprise
        self.code = rate.code
        self.name = rate.name

    def lines(self, basket):
        return [line for line in basket.all_lines() if line.stockrecord.partner_id == self.enterprise.pk]

    def charge_for(self, lines):
        shipped = [line for line in lines if line.product.is_shipping_required]
        if not shipped:
            return Decimal("0")
        goods = sum((line.line_price_incl_tax_incl_discounts for line in lines), Decimal("0"))
        return rates.shipping_charge(self.rate, goods, rates.parcel_weight_grams(shipped))

    def calculate(self, basket):
        return _price(basket, self.charge_for(self.lines(basket)))


class ParcelShipping(Base):
    """The basket's delivery: the rate chosen for each enterprise's parcel, charged as their sum."""

    code = "per-enterprise"
    name = _("Delivery by each enterprise")

    def __init__(self, chosen):
        self.chosen = chosen  # {enterprise id: EnterpriseRate}, in the basket's order

    def __iter__(self):
        return iter(self.chosen.values())

    def for_enterprise(self, enterprise):
        return self.chosen[enterprise.pk]

    def calculate(self, basket):
        total = sum((method.calculate(basket).incl_tax for method in self), Decimal("0"))
        return _price(basket, total)
