"""Products of the province's enterprises, on top of Oscar's catalogue."""

from django.db.models import Exists, OuterRef
from oscar.apps.catalogue.abstract_models import AbstractProduct
from oscar.apps.catalogue.managers import ProductQuerySet as OscarProductQuerySet
from oscar.core.loading import get_model


class ProductQuerySet(OscarProductQuerySet):
    def sold_by_approved_enterprise(self):
        """Products with a stock record of an enterprise allowed to sell."""
        Partner = get_model("partner", "Partner")
        StockRecord = get_model("partner", "StockRecord")
        approved_stock = StockRecord.objects.filter(
            product=OuterRef("pk"), partner__in=Partner.objects.approved()
        )
        return self.filter(Exists(approved_stock))

    def base_queryset(self):
        # The strategy asks each stock record's enterprise whether it may sell.
        return super().base_queryset().prefetch_related("stockrecords__partner")

    def browsable(self):
        """What a shopper may see: public, canonical and sold by an approved enterprise."""
        return super().browsable().sold_by_approved_enterprise()


class Product(AbstractProduct):
    objects = ProductQuerySet.as_manager()

    @property
    def is_sold_by_approved_enterprise(self):
        return any(record.partner.is_approved for record in self.stockrecords.all())


from oscar.apps.catalogue.models import *
