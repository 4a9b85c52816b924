"""Search backends: the database backend is the embedded default, Elasticsearch when configured."""

from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

DATABASE_BACKEND = "search.backends.database.DatabaseBackend"
ELASTICSEARCH_BACKEND = "search.backends.elasticsearch.ElasticsearchBackend"


@cache
def get_backend():
    """The backend for this process: Elasticsearch when ``ELASTICSEARCH_URL`` is set."""
    return import_string(ELASTICSEARCH_BACKEND if settings.ELASTICSEARCH_URL else DATABASE_BACKEND)()


@cache
def get_standby():
    """The database backend, which answers shoppers while Elasticsearch is down (:mod:`search.failover`)."""
    return import_string(DATABASE_BACKEND)()
