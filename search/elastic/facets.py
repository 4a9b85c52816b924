"""Facet counts from an Elasticsearch response, as :func:`search.facets.facet_values` takes them.

The index only holds ids and codes; :mod:`search.facets` names and orders the
values, as it does for the database backend.
"""

from search.facets import IN_STOCK_VALUE
from search.query import Facet


def counts_from_aggregations(aggregations: dict) -> dict:
    """``{facet: {value: count}}`` from the aggregations :func:`~.queries.search_body` asks for."""
    counts = {}
    for facet in Facet.ALL:
        counter = aggregations[facet]["counts"]
        if facet == Facet.IN_STOCK:
            counts[facet] = {IN_STOCK_VALUE: counter["doc_count"]}
        else:
            buckets = counter["buckets"] + aggregations[facet].get("chosen", {}).get("buckets", [])
            counts[facet] = {str(bucket["key"]): bucket["doc_count"] for bucket in buckets}
    return counts
