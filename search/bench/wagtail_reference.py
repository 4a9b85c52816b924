"""Wagtail's own database search backend on the same products, as a reference figure.

Products are not Wagtail-indexed in the project; a proxy model declared only
here adds ``index.Indexed`` with the fields Wagtail can search and filter.
Wagtail's backend can express the words, the province of origin and the sort
by date; the other filters (price, stars, badges, category, stock) live in
other tables it cannot filter on, so for those queries it answers the words only.
"""

import time

from django.db import transaction
from oscar.core.loading import get_model
from wagtail.search import index
from wagtail.search.backends import get_search_backend
from wagtail.search.query import MATCH_ALL

from places.models import Province

from ..query import Sort

Product = get_model("catalogue", "Product")
CHUNK = 10_000
_model = None


def indexed_product_model():
    """A proxy of Product that Wagtail indexes (declared once per process, on first use)."""
    global _model
    if _model is None:

        class BenchIndexedProduct(index.Indexed, Product):
            search_fields = [
                index.SearchField("title", boost=2),
                index.AutocompleteField("title"),
                index.SearchField("description"),
                index.FilterField("origin_province"),
                index.FilterField("date_created"),
                index.FilterField("is_public"),
            ]

            class Meta:
                proxy = True
                app_label = "search"

        _model = BenchIndexedProduct
    return _model


def build_index(progress=None):
    """Index every product with Wagtail's backend; returns the seconds it took."""
    model = indexed_product_model()
    backend = get_search_backend()
    search_index = backend.get_index_for_model(model)
    started = time.perf_counter()
    ids = list(model.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK):
        with transaction.atomic():
            search_index.add_items(model, list(model.objects.filter(pk__in=ids[start : start + CHUNK])))
        if progress:
            progress.update(len(ids[start : start + CHUNK]))
    return time.perf_counter() - started


def searcher():
    """A function running one ProductQuery through Wagtail's backend, returning the total."""
    model = indexed_product_model()
    backend = get_search_backend()
    provinces = dict(Province.objects.values_list("code", "pk"))

    def search(query):
        products = model.objects.filter(is_public=True)
        if query.province_codes:
            products = products.filter(
                origin_province__in=[provinces[c] for c in query.province_codes if c in provinces]
            )
        by_date = query.sort == Sort.NEWEST
        if by_date:
            products = products.order_by("-date_created")
        results = backend.search(query.text or MATCH_ALL, products, order_by_relevance=not by_date)
        start = (query.page - 1) * query.per_page
        total = results.count()
        list(results[start : start + query.per_page])
        results.facet("origin_province_id")
        return total

    return search
