"""The contract every search backend passes, and the Python reference it is held to.

Each test runs against the database backend, and against Elasticsearch when
``ELASTICSEARCH_URL`` is set. Expected answers are worked out in Python from
the catalogue itself (:class:`Reference`), never from a backend.
"""

from collections import Counter

import pytest
from django.conf import settings
from oscar.core.loading import get_model

from search import indexing, services, tasks
from search.backends.database import DatabaseBackend
from search.documents import build_documents
from search.query import PRICE_BUCKETS, Facet, ProductQuery
from search.text import words

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")

ALL = 100  # per_page large enough for the demo's products on one page

_elasticsearch = {"dirty": True}


@pytest.fixture(params=["database", "database, facets in SQL", "elasticsearch"])
def backend(request, db, monkeypatch):
    """The backend under test, also the one that signals and the search service reach.

    The database backend counts facets over columns in memory unless told to
    count them in SQL; both ways must give the contract's answers.
    """
    if request.param == "elasticsearch":
        if not settings.ELASTICSEARCH_URL:
            pytest.skip("the Elasticsearch contract runs only against a live cluster: set ELASTICSEARCH_URL")
        from search.backends.elasticsearch import ElasticsearchBackend

        chosen = ElasticsearchBackend()
        if _elasticsearch["dirty"]:  # a previous test changed it; the database has rolled back since
            chosen.rebuild()
        _elasticsearch["dirty"] = True  # assume each test may change it
    else:
        chosen = DatabaseBackend(facets_in_memory=request.param == "database")
    monkeypatch.setattr(indexing, "get_backend", lambda: chosen)
    monkeypatch.setattr(tasks, "get_backend", lambda: chosen)  # the worker's index updates
    monkeypatch.setattr(services, "get_backend", lambda: chosen)
    return chosen


def everything(backend, **filters):
    """Ids of every hit, in order, for a query on one page."""
    return [product.pk for product in backend.search(ProductQuery(per_page=ALL, **filters)).products]


class Reference:
    """What a search must answer, worked out in Python from the documents of browsable products."""

    def __init__(self, on=None):
        products = Product.objects.browsable().base_queryset().prefetch_related("categories")
        assert products.count() < ALL, "the contract expects the small demo catalogue"
        self.documents = [document for document in build_documents(products, on) if document.browsable]

    def hits(self, query, without=()):
        return {document.product_id for document in self.documents if self.holds(document, query, without)}

    def holds(self, document, query, without=()):
        wanted = set(words(query.text))
        checks = {
            "text": wanted <= set(words(document.text_folded)),
            Facet.CATEGORY: not query.category_ids
            or bool(set(query.category_ids) & set(document.category_ids)),
            Facet.ENTERPRISE: not query.enterprise_ids
            or bool(set(query.enterprise_ids) & set(document.enterprise_ids)),
            Facet.PROVINCE: not query.province_codes or document.province_code in query.province_codes,
            Facet.COMMUNE: not query.commune_codes or document.commune_code in query.commune_codes,
            Facet.STARS: not query.min_stars or document.stars >= query.min_stars,
            Facet.BADGE: set(query.badges) <= set(document.badges),
            Facet.PRICE: (query.price_min is None and query.price_max is None)
            or (
                document.price is not None
                and (query.price_min is None or document.price >= query.price_min)
                and (query.price_max is None or document.price <= query.price_max)
            ),
            Facet.IN_STOCK: not query.in_stock or document.in_stock,
        }
        return all(passed for family, passed in checks.items() if family not in without)

    def facet_counts(self, query):
        """{facet: {value: count}}: each family counted without its own filter, badges with all of them."""
        counts = {name: Counter() for name in Facet.ALL}
        for document in self.documents:
            if self.holds(document, query, without=(Facet.CATEGORY,)):
                counts[Facet.CATEGORY].update(str(pk) for pk in document.category_ids)
            if self.holds(document, query, without=(Facet.ENTERPRISE,)):
                counts[Facet.ENTERPRISE].update(str(pk) for pk in document.enterprise_ids)
            if self.holds(document, query, without=(Facet.PROVINCE,)) and document.province_code:
                counts[Facet.PROVINCE][document.province_code] += 1
            if self.holds(document, query, without=(Facet.COMMUNE,)) and document.commune_code:
                counts[Facet.COMMUNE][document.commune_code] += 1
            if self.holds(document, query, without=(Facet.STARS,)):
                counts[Facet.STARS].update(str(n) for n in (3, 4, 5) if document.stars >= n)
            if self.holds(document, query):
                counts[Facet.BADGE].update(document.badges)
            if self.holds(document, query, without=(Facet.PRICE,)) and document.price is not None:
                counts[Facet.PRICE][price_bucket(document.price)] += 1
            if self.holds(document, query, without=(Facet.IN_STOCK,)) and document.in_stock:
                counts[Facet.IN_STOCK]["1"] += 1
        return {name: dict(counter) for name, counter in counts.items()}

    def documents_with(self, predicate):
        return [document for document in self.documents if predicate(document)]


def _any_of(wanted, held):
    return not wanted or bool(set(wanted) & set(held))


def price_bucket(price):
    for low, high in PRICE_BUCKETS:
        if (low is None or price >= low) and (high is None or price < high):
            return f"{'' if low is None else int(low)}-{'' if high is None else int(high)}"
    raise AssertionError(price)


def counted(results):
    """{facet: {value: count}} as a backend answered, values with no products left out."""
    return {
        name: {value.value: value.count for value in results.facets.get(name, []) if value.count}
        for name in Facet.ALL
    }


@pytest.fixture
def reference(db):
    return Reference()
