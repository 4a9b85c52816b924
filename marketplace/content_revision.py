"""The content revision a request sees, asked once, and values kept under it across requests.

The page cache (``marketplace.page_cache``) learns the revision in one query per request; what
every page shows and only a change counted there can alter (the menu's categories, the site and
its settings) is kept under that revision, so it costs nothing more. Kept in the "pages" cache,
which tests empty before each one (a test's rollback takes the revision back).
"""

from django.conf import settings
from django.core.cache import caches

from marketplace.once_per_request import OncePerRequest

_revision = OncePerRequest("content_revision")


def asked_once(ask):
    """Within the block (a request), :func:`current` is ``ask()``, asked at most once."""
    return _revision.within(ask)


def current():
    """The revision this request sees, or ``None`` outside a request."""
    return _revision.get()


def kept(name, make):
    """``make()``, kept under the request's revision; made afresh outside a request."""
    revision = current()
    if revision is None:
        return make()
    key = f"revision:{revision}:{name}"
    store = caches["pages"]
    value = store.get(key)
    if value is None:
        value = make()
        store.set(key, value, settings.PAGE_CACHE_TIMEOUT)
    return value
