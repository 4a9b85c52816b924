"""Product search in the relational database through the ORM."""

from functools import reduce
from operator import and_

from django.core.paginator import Paginator
from django.db.models import Case, Exists, Min, OuterRef, Q, Value, When
from oscar.core.loading import get_model

from ..query import ProductQuery, ProductResults, Sort

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")

ORDERINGS = {
    Sort.RELEVANCE: ("-priority", "title", "pk"),
    "relevance-text": ("-title_hits", "-priority", "title", "pk"),
    Sort.NEWEST: ("-date_created", "pk"),
    Sort.PRICE_ASC: ("min_price", "pk"),
    Sort.PRICE_DESC: ("-min_price", "pk"),
}


class DatabaseBackend:
    def search(self, query: ProductQuery) -> ProductResults:
        products = Product.objects.browsable()
        if query.words:
            products = products.filter(reduce(and_, (self._word_filter(word) for word in query.words)))
            # Until full-text ranking arrives: products whose titles hold more of the words come first.
            products = products.annotate(title_hits=self._title_hits(query.words))
        if query.category_ids:
            products = products.filter(categories__in=query.category_ids).distinct()
        if query.enterprise_ids:
            products = products.filter(self._stocked_by(query.enterprise_ids))
        if query.sort in (Sort.PRICE_ASC, Sort.PRICE_DESC):
            products = products.annotate(min_price=Min("stockrecords__price"))
        sort = "relevance-text" if query.sort == Sort.RELEVANCE and query.words else query.sort
        products = products.order_by(*ORDERINGS.get(sort, ORDERINGS[Sort.RELEVANCE]))
        page = Paginator(products, query.per_page).get_page(query.page)
        hits = list(Product.objects.base_queryset().filter(pk__in=[p.pk for p in page.object_list]))
        by_pk = {product.pk: product for product in hits}
        return ProductResults(query=query, page=page, products=[by_pk[p.pk] for p in page.object_list])

    @staticmethod
    def _title_hits(words):
        hits = (Case(When(title__icontains=word, then=Value(1)), default=Value(0)) for word in words)
        return sum(hits, Value(0))

    @staticmethod
    def _stocked_by(enterprise_ids):
        """Products with a stock record of these enterprises (as ``browsable`` reads stock).

        Exists rather than a join: no duplicate rows, so no DISTINCT to fight the orderings.
        """
        return Exists(StockRecord.objects.filter(product=OuterRef("pk"), partner__in=enterprise_ids))

    @staticmethod
    def _word_filter(word):
        return Q(title__icontains=word) | Q(description__icontains=word)
