"""Elasticsearch for product search: analysis, the indexed document, index naming and request bodies.

The backend in :mod:`search.backends.elasticsearch` sends what these modules build,
so the mapping and every request body are plain functions tested without a cluster.
"""
