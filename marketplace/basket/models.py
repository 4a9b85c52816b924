from django.db.models import Exists, OuterRef, Prefetch, Subquery, prefetch_related_objects
from django.db.models.functions import JSONObject
from oscar.apps.basket.abstract_models import AbstractBasket
from oscar.core.loading import get_model, is_model_registered

if not is_model_registered("basket", "Basket"):

    class Basket(AbstractBasket):
        """Oscar's basket, its lines loaded with everything the basket, checkout and order placement read.

        Each line's price and availability (the strategy walks the product's stock records and
        their enterprises), its product class, its enterprise and its picture come in one query,
        however many lines and enterprises (every page shows the mini basket); the enterprises'
        delivery rates are loaded by the pages that price delivery
        (``shipping.repository.load_rates``), also at once.
        """

        def all_lines(self):
            if self.id is None:
                return self._no_lines()
            if self._lines is None:
                LineAttribute = get_model("basket", "LineAttribute")
                StockRecord = get_model("partner", "StockRecord")
                others = StockRecord.objects.filter(product=OuterRef("product_id")).exclude(
                    pk=OuterRef("stockrecord_id")
                )
                self._lines = (
                    self.lines.select_related(
                        "product__product_class",
                        "product__parent__product_class",
                        "stockrecord__partner",
                    )
                    .annotate(
                        has_options=Exists(LineAttribute.objects.filter(line=OuterRef("pk"))),
                        sold_elsewhere=Exists(others),
                        own_image=_first_image("product_id"),
                        parents_image=_first_image("product__parent_id"),
                    )
                    .order_by(self._meta.pk.name)
                )
                _load_options(self._lines)
                _load_stock_records(self._lines)
                _load_primary_images(self._lines)
            return super().all_lines()

        def _no_lines(self):
            """An unsaved basket's lines, known to be none: Oscar's empty queryset would be built
            and compiled again for every question the mini basket on each page asks of it."""
            empty = getattr(self, "_empty_lines", None)
            if empty is None:
                empty = self.lines.model.objects.none()
                empty._result_cache = []  # evaluated: counting or reading it runs nothing
                self._empty_lines = empty
            return empty

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


def _first_image(product):
    """The first picture (Oscar's ``primary_image``) of the line's ``product``, as a JSON object."""
    ProductImage = _picture_model()
    fields = ("id", "code", "original", "caption", "display_order")
    first = ProductImage.objects.filter(product=OuterRef(product)).order_by("display_order", "pk")
    return Subquery(first.values(json=JSONObject(**{name: name for name in fields}))[:1])


def _picture_model():
    """The products' pictures, reached through the line (the basket names no catalogue model)."""
    product = get_model("basket", "Line")._meta.get_field("product").related_model
    return product._meta.get_field("images").related_model


def _prefetched(instance, name, objects):
    """``instance.<name>.all()`` is ``objects``, without a query, as after ``prefetch_related``."""
    queryset = getattr(instance, name).all()
    queryset._result_cache = list(objects)
    queryset._prefetch_done = True
    cache = getattr(instance, "_prefetched_objects_cache", {})
    instance._prefetched_objects_cache = {**cache, name: queryset}


def _load_stock_records(lines):
    """Each product's stock records, as the strategy reads them: a product only its line's stock
    record sells (nearly always) has that one, loaded with the line; the others are asked at once."""
    StockRecord = get_model("partner", "StockRecord")
    elsewhere = [line.product for line in lines if line.sold_elsewhere or line.stockrecord_id is None]
    if elsewhere:
        stock = Prefetch("stockrecords", queryset=StockRecord.objects.select_related("partner"))
        prefetch_related_objects(elsewhere, stock)
    for line in lines:
        if not (line.sold_elsewhere or line.stockrecord_id is None):
            line.stockrecord.product = line.product
            _prefetched(line.product, "stockrecords", [line.stockrecord])


def _load_primary_images(lines):
    """Each product's picture as its ``primary_image`` reads it, loaded with the line: the product's
    first, else its parent's (a child without pictures shows its parent's). ``images.all()`` then
    holds that picture only: the basket shows no other."""
    ProductImage = _picture_model()

    def images(values, product):
        return [ProductImage(**values, product=product)] if values else []

    for line in lines:
        product = line.product
        _prefetched(product, "images", images(line.own_image, product))
        if product.parent_id is not None:
            _prefetched(product.parent, "images", images(line.parents_image, product.parent))


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
