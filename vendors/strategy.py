"""Pricing and availability: only an approved enterprise's stock of a listed product can be bought."""

from django.utils.translation import gettext_lazy as _
from oscar.apps.partner import availability, strategy


class EnterpriseNotTrading(availability.Unavailable):
    code = "enterprise_not_trading"
    message = _("The enterprise selling this product is not trading on the marketplace at the moment.")


class ListingHidden(availability.Unavailable):
    code = "listing_hidden"
    message = _(
        "This product has been withdrawn from the marketplace by the Department of Industry and Trade."
    )


class ApprovedEnterpriseStock(strategy.UseFirstStockRecord):
    def select_stockrecord(self, product):
        # Iterating keeps prefetched stock records (and their enterprises) query-free.
        for record in product.stockrecords.all():
            if record.partner.is_approved:
                return record
        return super().select_stockrecord(product)


class SoldByApprovedEnterprise(strategy.StockRequired):
    def availability_policy(self, product, stockrecord):
        # A listing the Department hid (catalogue.moderation) cannot be bought, whoever sells it.
        if not getattr(product, "is_listed", True):
            return ListingHidden()
        if stockrecord is not None and not stockrecord.partner.is_approved:
            return EnterpriseNotTrading()
        return super().availability_policy(product, stockrecord)


class MarketplaceStrategy(
    ApprovedEnterpriseStock, SoldByApprovedEnterprise, strategy.NoTax, strategy.Structured
):
    """Prices in whole đồng, tax included in the shelf price, stock required."""


class Selector:
    def strategy(self, request=None, user=None, **kwargs):
        return MarketplaceStrategy(request)
