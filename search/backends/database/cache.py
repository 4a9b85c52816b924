"""Facet counts and pages of hits, remembered until the index changes.

Counting facets visits every matching record; with a hundred thousand
products that is most of a search's time, and shoppers ask the same
questions over and over (a category, a province, page 2 of "mat ong").
Every answer the database gives is therefore kept in Django's ``search``
cache (``default`` if there is none) under the :class:`IndexVersion` token,
which changes in the same transaction as any record or any enterprise's
status: one small query per search tells whether a remembered answer still
holds, and a changed index simply stops finding the old entries.
"""

import hashlib
import uuid

from django.core.cache import InvalidCacheBackendError, caches

from search.models import IndexVersion

TIMEOUT = 15 * 60  # old versions' entries age out; the current one's are refreshed on use


def index_version():
    """The token of the records as this transaction sees them ("" before the first write)."""
    return IndexVersion.objects.values_list("token", flat=True).first() or ""


def change_index_version():
    """Call inside the transaction that changes records (or what filters them): old answers lapse."""
    IndexVersion.objects.update_or_create(pk=1, defaults={"token": uuid.uuid4().hex})


class Answers:
    """Remembered answers of one search, all read under the index version it started with."""

    def __init__(self):
        self.version = index_version()
        self.store = answers_cache()

    def get(self, key, compute):
        """``compute()``, or what it returned for the same ``key`` under this index version."""
        name = f"search:{self.version}:{hashlib.sha1(repr(key).encode()).hexdigest()}"
        answer = self.store.get(name)
        if answer is None:
            answer = compute()
            self.store.set(name, answer, TIMEOUT)
        return answer


def forget_answers():
    """Let every remembered answer lapse: what each search costs the first time it is asked (benchmark).

    A new version rather than clearing the cache, which in Redis would empty
    the whole database and whatever else it holds.
    """
    change_index_version()


def answers_cache():
    """Where answers are remembered: the ``search`` cache, else ``default``."""
    try:
        return caches["search"]
    except InvalidCacheBackendError:
        return caches["default"]
