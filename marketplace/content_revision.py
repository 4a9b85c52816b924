"""The content revision a request sees, asked once, and values kept under it across requests.

The page cache (``marketplace.page_cache``) learns the revision in one query per request; what
every page shows and only a change counted there can alter (the menu's categories, the site and
its settings) is kept under that revision, so it costs nothing more. Kept in the "pages" cache,
which tests empty before each one (a test's rollback takes the revision back).
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import caches

_asker = ContextVar("content_revision_asker", default=None)


@contextmanager
def asked_once(ask):
    """Within the block, :func:`current` is ``ask()``, asked at most once."""
    answers = []

    def revision():
        if not answers:
            answers.append(ask())
        return answers[0]

    token = _asker.set(revision)
    try:
        yield revision
    finally:
        _asker.reset(token)


def current():
    """The revision this request sees, or ``None`` outside a request."""
    ask = _asker.get()
    return ask() if ask is not None else None


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
