from django.db.models import Prefetch
from oscar.apps.basket.abstract_models import AbstractBasket
from oscar.core.loading import get_model, is_model_registered

if not is_model_registered("basket", "Basket"):

    class Basket(AbstractBasket):
        """Oscar's basket, its lines loaded with everything the basket, checkout and order placement read.

        Each line's price and availability (the strategy walks the product's stock records and
        their enterprises), its product class, its enterprise and that enterprise's delivery
        rates come in a fixed number of queries, however many lines and enterprises.
        """

        def all_lines(self):
            if self.id is not None and self._lines is None:
                StockRecord = get_model("partner", "StockRecord")
                self._lines = (
                    self.lines.select_related(
                        "product__product_class",
                        "product__parent__product_class",
                        "stockrecord__partner",
                    )
                    .prefetch_related(
                        "attributes",
                        "product__images",
                        Prefetch(
                            "product__stockrecords", queryset=StockRecord.objects.select_related("partner")
                        ),
                        "stockrecord__partner__shipping_rates",
                    )
                    .order_by(self._meta.pk.name)
                )
            return super().all_lines()


from oscar.apps.basket.models import *
