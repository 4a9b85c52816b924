"""Search backends. The database backend is the embedded default."""

from functools import cache

from django.utils.module_loading import import_string

DEFAULT_BACKEND = "search.backends.database.DatabaseBackend"


@cache
def get_backend():
    return import_string(DEFAULT_BACKEND)()
