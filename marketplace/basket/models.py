from django.db.models import Exists, OuterRef, Prefetch, prefetch_related_objects
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
                LineAttribute = get_model("basket", "LineAttribute")
                self._lines = (
                    self.lines.select_related(
                        "product__product_class",
                        "product__parent__product_class",
                        "stockrecord__partner",
                    )
                    .annotate(has_options=Exists(LineAttribute.objects.filter(line=OuterRef("pk"))))
                    .prefetch_related(
                        "product__images",
                        Prefetch(
                            "product__stockrecords", queryset=StockRecord.objects.select_related("partner")
                        ),
                    )
                    .order_by(self._meta.pk.name)
                )
                _load_options(self._lines)
            return super().all_lines()

        def note_vouchers(self):
            """A basket loaded ``with_voucher_flag`` and holding none reads its vouchers without a query
            (the offers ask on every page); adding one forgets this, as it does any prefetch."""
            if getattr(self, "holds_vouchers", True) is False:
                self._prefetched_objects_cache = {
                    **getattr(self, "_prefetched_objects_cache", {}),
                    "vouchers": self.vouchers.none(),
                }

        @property
        def num_lines(self):
            # Oscar counts the lines with a query of its own, then the page loads them anyway
            # (the mini basket shows them): load them once and count those.
            return len(self.all_lines())


def with_voucher_flag(baskets):
    """``baskets``, each knowing whether it holds a voucher (``Basket.note_vouchers``)."""
    held = Basket.vouchers.through.objects.filter(basket=OuterRef("pk"))
    return baskets.annotate(holds_vouchers=Exists(held))


def _load_options(lines):
    """The options chosen on the lines that have any: most lines have none, and then no query."""
    lines = list(lines)
    with_options = [line for line in lines if line.has_options]
    if with_options:
        prefetch_related_objects(with_options, "attributes")
    for line in lines:
        if not line.has_options:
            line._prefetched_objects_cache = {
                **getattr(line, "_prefetched_objects_cache", {}),
                "attributes": line.attributes.none(),
            }


from oscar.apps.basket.models import *
