from django.db.models import Prefetch
from oscar.apps.basket.abstract_models import AbstractBasket
from oscar.core.loading import get_model, is_model_registered

if not is_model_registered("basket", "Basket"):

    class Basket(AbstractBasket):
        """Oscar's basket, its lines loaded with everything the basket, checkout and order placement read.

        Each line's price and availability (the strategy walks the product's stock records and
        their enterprises), its product class and its enterprise come in a fixed number of
        queries, however many lines and enterprises; the enterprises' delivery rates are loaded
        by the pages that price delivery (``shipping.repository.load_rates``), also at once.
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
                    )
                    .order_by(self._meta.pk.name)
                )
            return super().all_lines()

        @property
        def num_lines(self):
            # Oscar counts the lines with a query of its own, then the page loads them anyway
            # (the mini basket shows them): load them once and count those.
            return len(self.all_lines())


from oscar.apps.basket.models import *
