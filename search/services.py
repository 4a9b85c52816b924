"""The one way views and content blocks reach product search."""

from .backends import get_backend
from .query import ProductQuery, ProductResults


def search_products(query: ProductQuery) -> ProductResults:
    return get_backend().search(query)
