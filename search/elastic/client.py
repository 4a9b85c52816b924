"""The cluster client, with a bounded wait: an unreachable cluster must cost a page seconds, not minutes.

A request that cannot connect or times out is tried ``ELASTICSEARCH_MAX_RETRIES``
more times (searches and index writes are safe to repeat: documents are written
by id), each waiting at most ``ELASTICSEARCH_TIMEOUT`` seconds; then the error
reaches :mod:`search.failover`, which answers without the cluster.
"""

from django.conf import settings
from elasticsearch import Elasticsearch


def client_options() -> dict:
    return {
        "request_timeout": float(settings.ELASTICSEARCH_TIMEOUT),
        "max_retries": settings.ELASTICSEARCH_MAX_RETRIES,
        "retry_on_timeout": True,
    }


def connect(url: str | None = None) -> Elasticsearch:
    return Elasticsearch(url or settings.ELASTICSEARCH_URL, **client_options())
