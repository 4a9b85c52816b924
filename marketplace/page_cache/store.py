"""Rendered pages in the cache, compressed, each with the revision and tags it was rendered under."""

import hashlib
import zlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import InvalidCacheBackendError, caches
from django.utils import timezone

from .release import release


@dataclass(frozen=True)
class CachedPage:
    revision: int
    tags: frozenset
    content_type: str
    body: bytes  # zlib-compressed: a 100 KiB list page keeps in about 15 KiB

    @classmethod
    def of(cls, revision, tags, response):
        return cls(revision, tags, response["Content-Type"], zlib.compress(response.content, 1))

    def content(self) -> bytes:
        return zlib.decompress(self.body)

    def at(self, revision):
        return CachedPage(revision, self.tags, self.content_type, self.body)


def key_for(request):
    """Release, address, language and the day: badges earned or lost with a date (an expiry)
    change with it."""
    address = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha1(address.encode(), usedforsecurity=False).hexdigest()
    return f"page:{release()}:{request.LANGUAGE_CODE}:{timezone.localdate().isoformat()}:{digest}"


def pages():
    """The ``pages`` cache, else ``default``."""
    try:
        return caches["pages"]
    except InvalidCacheBackendError:
        return caches["default"]


def get(request):
    return pages().get(key_for(request))


def put(request, page):
    pages().set(key_for(request), page, settings.PAGE_CACHE_TIMEOUT)


def forget_pages():
    """Drop every cached page (tests, whose rollbacks take the content revision back)."""
    pages().clear()
