"""Product search in the relational database through the ORM."""

from functools import reduce
from operator import and_

from django.core.paginator import Paginator
from django.db.models import Min, Q
from oscar.core.loading import get_model

from ..query import ProductQuery, ProductResults, Sort

Product = get_model("catalogue", "Product")

ORDERINGS = {
    Sort.RELEVANCE: ("-priority", "title", "pk"),
    Sort.NEWEST: ("-date_created", "pk"),
    Sort.PRICE_ASC: ("min_price", "pk"),
    Sort.PRICE_DESC: ("-min_price", "pk"),
}


class DatabaseBackend:
    def search(self, query: ProductQuery) -> ProductResults:
        products = Product.objects.browsable()
        if query.words:
            products = products.filter(reduce(and_, (self._word_filter(word) for word in query.words)))
        if query.category_ids:
            products = products.filter(categories__in=query.category_ids).distinct()
        if query.sort in (Sort.PRICE_ASC, Sort.PRICE_DESC):
            products = products.annotate(min_price=Min("stockrecords__price"))
        products = products.order_by(*ORDERINGS.get(query.sort, ORDERINGS[Sort.RELEVANCE]))
        page = Paginator(products, query.per_page).get_page(query.page)
        hits = list(Product.objects.base_queryset().filter(pk__in=[p.pk for p in page.object_list]))
        by_pk = {product.pk: product for product in hits}
        return ProductResults(query=query, page=page, products=[by_pk[p.pk] for p in page.object_list])

    @staticmethod
    def _word_filter(word):
        return Q(title__icontains=word) | Q(description__icontains=word)
