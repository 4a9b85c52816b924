"""What content pages ask of the shop, through the shop's public services."""

from django.db.models import Count

from catalogue.card_fragments import render_cards
from catalogue.card_products import ProductsById
from catalogue.category_index import category_index
from catalogue.models import ClaimStatus, Product
from search.query import ProductQuery
from search.services import SearchUnavailable, search_products
from vendors.storefronts import storefronts

ROWS = "product_rows"  # where a page's context holds its ProductRows
ROW_BLOCKS = ("products", "fact_products")  # blocks whose cards render together


def featured_products(category=None, text="", count=8):
    """A row's products: the search's first ``count`` hits in the category (and those under it)."""
    ids = (category_index().descendants_and_self(category.pk) or (category.pk,)) if category else ()
    return search_products(ProductQuery(text=text or "", category_ids=ids, per_page=count)).products


class ProductRows:
    """The product rows (``cms.blocks.ProductsBlock``) of one page, their cards rendered together.

    A row's search costs no query once its answer is remembered, but its cards' versions do
    (:mod:`catalogue.card_fragments`): asked row by row, a page would pay one query per row.
    The first row to show its cards therefore renders every row's, in one go.
    """

    def __init__(self, values):
        self.values = list(values)
        self._products = {}
        self._cards = None

    @classmethod
    def of(cls, body):
        """The rows of a page's StreamField ``body``."""
        return cls(block.value for block in body or () if block.block_type in ROW_BLOCKS)

    @staticmethod
    def key(value):
        if fact_query := getattr(value.block, "product_query", None):
            return fact_query(value)  # a ProductQuery: frozen, so a key of its own kind
        category = value["category"]
        return (category.pk if category else None, value["search_text"] or "", value["count"])

    def products(self, value):
        """The row's products, searched once; none while search is unavailable (the page still reads)."""
        key = self.key(value)
        if key not in self._products:
            try:
                if isinstance(key, ProductQuery):
                    self._products[key] = search_products(key).products
                else:
                    self._products[key] = featured_products(
                        category=value["category"], text=value["search_text"], count=value["count"]
                    )
            except SearchUnavailable:
                self._products[key] = []
        return self._products[key]

    def cards(self, value, csrf_field=""):
        """The HTML of the row's cards, rendered with every other row's on the first call."""
        if self._cards is None:
            self._cards = self._render_every_row(csrf_field)
        key = self.key(value)
        if key in self._cards:
            return self._cards[key]
        return render_cards(self.products(value), csrf_field)

    def _render_every_row(self, csrf_field):
        rows = {self.key(value): _ids(self.products(value)) for value in self.values}
        ids = list(dict.fromkeys(pk for row in rows.values() for pk in row))
        shown = render_cards(ids, csrf_field)
        if len(shown) != len(ids):
            return {}  # a product gone since it was indexed has no card: each row renders its own
        by_pk = dict(zip(ids, shown, strict=True))
        return {key: [by_pk[pk] for pk in row] for key, row in rows.items()}


def _ids(products):
    shown = products.for_cards() if isinstance(products, ProductsById) else products
    return [getattr(product, "pk", product) for product in shown]


# --- Place pages (cms.place_pages) ------------------------------------------------------------


def verified_from(commune_ids):
    """Browsable products whose origin the Department verified in one of these communes.

    Only a verified origin places a product on a place page: a claimed or rejected one does not.
    ``Product.origin_commune`` is indexed, so this stays cheap at 100,000 products.
    """
    return Product.objects.browsable().filter(
        origin_commune__in=commune_ids, origin_status=ClaimStatus.VERIFIED
    )


def verified_counts(commune_ids):
    """{commune id: how many browsable products have their origin verified there}, in one query."""
    rows = verified_from(commune_ids).order_by().values("origin_commune").annotate(n=Count("pk"))
    return {row["origin_commune"]: row["n"] for row in rows}


def enterprises_in(commune):
    """Approved enterprises with a storefront whose address is in the commune, by name."""
    return storefronts().filter(commune=commune).order_by("name", "pk")
