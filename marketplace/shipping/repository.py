"""Which delivery methods a basket may use: one rate per enterprise parcel."""

from django.db.models import prefetch_related_objects
from oscar.apps.shipping import repository
from oscar.core.loading import get_class, get_classes

EnterpriseRate, ParcelShipping = get_classes("shipping.methods", ["EnterpriseRate", "ParcelShipping"])
lines_by_enterprise = get_class("partner.grouping", "lines_by_enterprise")  # shipping never imports basket
rates_for = get_class("shipping.rates", "rates_for")


class Repository(repository.Repository):
    def get_available_shipping_methods(self, basket, shipping_addr=None, **kwargs):
        # One method for the whole basket, as Oscar expects; its default is each parcel's cheapest rate.
        return [self.parcel_shipping(basket)]

    def methods_for(self, basket, enterprise):
        """The enterprise's rates for its part of this basket, cheapest charge first."""
        load_rates(basket)
        methods = [EnterpriseRate(rate, enterprise) for rate in rates_for(enterprise)]
        return sorted(methods, key=lambda method: method.calculate(basket).incl_tax)

    def parcel_shipping(self, basket, choices=None):
        """The basket's delivery with the shopper's ``choices`` ({enterprise id: rate code}).

        Without choices each parcel gets its cheapest rate. With choices, None when one
        is missing or no longer offered: the shopper must choose again.
        """
        chosen = {}
        load_rates(basket)
        for enterprise, _lines in lines_by_enterprise(basket):
            methods = self.methods_for(basket, enterprise)
            if choices is None:
                chosen[enterprise.pk] = methods[0]
                continue
            code = choices.get(str(enterprise.pk))
            match = next((method for method in methods if method.code == code), None)
            if match is None:
                return None
            chosen[enterprise.pk] = match
        return ParcelShipping(chosen)


def load_rates(basket):
    """The rates of every enterprise in the basket, in one query the first time, none after.

    Only the pages that price delivery ask (not every page showing the mini basket), and
    never once per enterprise.
    """
    enterprises = [enterprise for enterprise, _lines in lines_by_enterprise(basket)]
    prefetch_related_objects(enterprises, "shipping_rates")
