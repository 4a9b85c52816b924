"""The one way views and content blocks reach product search.

Every search goes through :func:`search.failover.answer`, so no page needs to
know that the cluster can be down: it gets its answer from the database
index, or :class:`~search.failover.SearchUnavailable` becomes a 503 page.
"""

from .backends import get_backend
from .failover import SearchUnavailable, answer
from .query import ProductQuery, ProductResults, Suggestion

__all__ = ["SearchUnavailable", "search_products", "suggest"]


def search_products(query: ProductQuery) -> ProductResults:
    return answer(get_backend(), lambda backend: backend.search(query))


def suggest(text: str, limit: int = 8) -> list[Suggestion]:
    """Autocomplete for the header search box: titles whose words start with what was typed."""
    return answer(get_backend(), lambda backend: backend.suggest(text, limit))
