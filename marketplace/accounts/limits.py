"""Counting events per key in fixed windows, in the ``default`` cache (shared by every
process when REDIS_URL is set).

Used where axes does not look: a password-reset request is not a failed sign-in.
"""

import hashlib
import math
import time
from dataclasses import dataclass

from django.core.cache import caches


@dataclass(frozen=True)
class Limit:
    """At most ``count`` events for each key in a window of ``seconds`` from the key's first one."""

    name: str
    count: int
    seconds: int

    def hit(self, key):
        """Counts one event; None while within the limit, else the seconds until the window ends."""
        cache, count_key, end_key = caches["default"], *self._keys(key)
        now = time.time()
        cache.add(count_key, 0, timeout=self.seconds)
        cache.add(end_key, now + self.seconds, timeout=self.seconds)
        try:
            count = cache.incr(count_key)
        except ValueError:  # the window ended between the two calls
            cache.set(count_key, count := 1, timeout=self.seconds)
        if count <= self.count:
            return None
        end = cache.get(end_key) or now + self.seconds
        return max(1, math.ceil(end - now))

    def forget(self, key):
        caches["default"].delete_many(self._keys(key))

    def _keys(self, key):
        digest = hashlib.sha256(str(key).encode()).hexdigest()
        base = f"limit:{self.name}:{digest}"
        return f"{base}:count", f"{base}:end"
