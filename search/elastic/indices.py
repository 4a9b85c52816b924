"""Index names and definition: one concrete index per build, searched through an alias.

A rebuild fills ``<alias>-<timestamp>`` while searches keep using the alias, then
moves the alias in one atomic step; the prefix comes from settings so that tests,
staging and production can share a cluster without touching each other's indices.
"""

from datetime import datetime

from django.conf import settings
from django.utils import timezone
from elasticsearch.dsl import Index

from .documents import IndexedProduct

# Elasticsearch's default; pagination is capped so from + size never passes it.
MAX_RESULT_WINDOW = 10_000

# While a rebuild loads the new index: no refresh every second (one at the end) and no replica
# to copy each document to; serving_settings() puts both back before searches reach the index.
LOADING_SETTINGS = {"refresh_interval": "-1", "number_of_replicas": 0}


def products_alias() -> str:
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-products".lower()


def concrete_index_name(alias: str, now: datetime | None = None) -> str:
    """A fresh index name for one build, sortable by time: ``cho-ocop-products-20260123t101502123456``."""
    now = now or timezone.now()
    return f"{alias}-{now:%Y%m%dt%H%M%S%f}"


def product_index(name: str) -> Index:
    """The index definition (settings, analysis, mapping) under ``name``."""
    index = Index(name)
    # One shard: a province's catalogue is small, and one shard keeps BM25 statistics
    # (hence ranking) the same whatever the cluster's layout.
    index.settings(number_of_shards=1, max_result_window=MAX_RESULT_WINDOW)
    index.mapping(IndexedProduct._doc_type.mapping)
    return index


def loading_index(name: str) -> Index:
    """The index a rebuild creates and fills: :func:`product_index` with :data:`LOADING_SETTINGS`."""
    index = product_index(name)
    index.settings(**LOADING_SETTINGS)
    return index


def serving_settings() -> dict:
    """The settings a loaded index serves searches with.

    ``refresh_interval`` null is the index default: a refresh every second,
    skipped while no search comes (Elasticsearch's search-idle shards), as an
    index created without it has. Replicas: ``ELASTICSEARCH_REPLICAS``, copied
    in the background while the primary already answers.
    """
    return {"index": {"refresh_interval": None, "number_of_replicas": settings.ELASTICSEARCH_REPLICAS}}
