"""The one way views and content blocks reach product search."""

from .backends import get_backend
from .query import ProductQuery, ProductResults, Suggestion


def search_products(query: ProductQuery) -> ProductResults:
    return get_backend().search(query)


def suggest(text: str, limit: int = 8) -> list[Suggestion]:
    """Autocomplete for the header search box: titles whose words start with what was typed."""
    return get_backend().suggest(text, limit)
