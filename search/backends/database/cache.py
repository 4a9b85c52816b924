"""Facet counts and pages of hits, remembered until the index changes.

Counting facets visits every matching record; with a hundred thousand
products that is most of a search's time, and shoppers ask the same
questions over and over (a category, a province, page 2 of "mat ong").
Every answer the database gives is therefore kept in Django's ``search``
cache (``default`` if there is none) under the :class:`IndexVersion` token,
which changes in the same transaction as any record or any enterprise's
status: one small query tells whether a remembered answer still holds, and a
changed index simply stops finding the old entries. Within a request (see
:func:`version_read_once`) that query is asked once, however many searches
the page runs (a content page's product rows).
"""

import hashlib
import uuid
from typing import NamedTuple

from django.core.cache import InvalidCacheBackendError, caches
from django.db import transaction
from django.db.models import F

from marketplace.once_per_request import OncePerRequest
from search.models import IndexChange, IndexVersion
from search.signals import index_changed

TIMEOUT = 15 * 60  # old versions' entries age out; the current one's are refreshed on use
KEPT_REVISIONS = 1_000  # changes kept for processes catching up; one further behind reloads everything
PRUNE_EVERY = 100  # revisions between two prunings of older changes

_request_version = OncePerRequest("search_index_version")


class Version(NamedTuple):
    token: str  # "" before the first write
    revision: int


def current_version() -> Version:
    """The index version as this transaction sees it."""
    row = IndexVersion.objects.values_list("token", "revision").first()
    return Version(*row) if row else Version("", 0)


def version_read_once():
    """Within the block (a request), searches share one reading of the index version."""
    return _request_version.within(current_version)


def searched_version() -> Version:
    """The version a search reads its answers under: the request's, read at its first search."""
    version = _request_version.get()
    return current_version() if version is None else version


def index_version():
    """The token of the records as this transaction sees them ("" before the first write)."""
    return current_version().token


def change_index_version(product_ids=()):
    """Call inside the transaction that changes records (or what filters them): old answers lapse.

    ``product_ids`` are the products whose records were written or removed;
    they are logged under the new revision for processes holding columns.
    """
    product_ids = tuple(product_ids)
    _request_version.forget()  # this request's next search reads the version it writes
    with transaction.atomic():
        token = uuid.uuid4().hex
        if not IndexVersion.objects.filter(pk=1).update(token=token, revision=F("revision") + 1):
            IndexVersion.objects.create(pk=1, token=token, revision=1)
        revision = IndexVersion.objects.values_list("revision", flat=True).get(pk=1)
        IndexChange.objects.bulk_create(IndexChange(revision=revision, product_id=pk) for pk in product_ids)
        transaction.on_commit(
            lambda: index_changed.send(sender=IndexVersion, product_ids=product_ids), robust=True
        )
        if revision % PRUNE_EVERY == 0:
            through = revision - KEPT_REVISIONS
            IndexChange.objects.filter(revision__lte=through).delete()
            IndexVersion.objects.filter(pk=1, pruned_through__lt=through).update(pruned_through=through)


class Answers:
    """Remembered answers of one search, all read under the index version it started with."""

    def __init__(self):
        self.version = searched_version()
        self.store = answers_cache()

    def get(self, key, compute):
        """``compute()``, or what it returned for the same ``key`` under this index version."""
        name = f"search:{self.version.token}:{hashlib.sha1(repr(key).encode()).hexdigest()}"
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
