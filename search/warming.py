"""Asking the shop's busiest pages again after the index changes, before shoppers do.

A change to any record lets every remembered answer lapse (see
``backends.database.cache``), and the next shopper on each page pays for its
facet counts. The pages most shoppers open first, the whole catalogue, each
category and each province's products, are asked here instead, exactly as
their views ask them; with ``REDIS_URL`` one run warms every application
process.
"""

from urllib.parse import urlencode

from django.http import QueryDict

from .categories import CategoryTree
from .forms import SearchForm
from .query import Facet
from .services import search_products
from .views import ProductListView, page_query


def busiest_pages():
    """The :class:`ProductQuery` of the catalogue's first page, each category's and each province's."""
    tree = CategoryTree()
    everything = _page_query(tree)
    queries = [everything]
    queries += [_page_query(tree, category=pk) for pk in tree.nodes]
    provinces = search_products(everything).facets[Facet.PROVINCE]
    queries += [_page_query(tree, urlencode({"province": value.value})) for value in provinces]
    return queries


def warm(queries, progress=None):
    """Ask each query once, so its answers are remembered; returns how many were asked."""
    for query in queries:
        search_products(query)
        if progress is not None:
            progress.update(1)
    return len(queries)


def _page_query(tree, query_string="", category=None):
    """What a results page asks for this query string (on a category's page)."""
    return page_query(SearchForm(QueryDict(query_string)), tree, category, ProductListView.per_page)
