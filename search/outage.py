"""Whether the search cluster is down, as this process last found it.

An unreachable cluster costs each request its timeouts and retries, and a
flood of requests would each pay them and each log the same error. So after
one failure the process stops asking for ``COOL_DOWN`` seconds (pages are
answered without the cluster at once), then lets one request try again; the
outage is reported when it starts and when it ends, not per request.
"""

import threading
import time

COOL_DOWN = 30  # seconds between two tries of a cluster found down; also pages' Retry-After


class Outage:
    def __init__(self, cool_down=COOL_DOWN, clock=time.monotonic):
        self.cool_down = cool_down
        self.clock = clock
        self._lock = threading.Lock()
        self.started = None  # clock time of the failure that began the outage; None while all is well
        self._retry_at = 0.0

    @property
    def ongoing(self) -> bool:
        return self.started is not None

    def may_ask(self) -> bool:
        """Always while the cluster answers; during an outage, for one caller each ``cool_down`` seconds."""
        with self._lock:
            if self.started is None:
                return True
            now = self.clock()
            if now < self._retry_at:
                return False
            self._retry_at = now + self.cool_down  # the others keep away while this one tries
            return True

    def failed(self) -> bool:
        """The cluster did not answer; True when this begins an outage (the caller reports it)."""
        with self._lock:
            now = self.clock()
            self._retry_at = now + self.cool_down
            if self.started is not None:
                return False
            self.started = now
            return True

    def answered(self) -> float | None:
        """The cluster answered; when this ends an outage, how many seconds it lasted."""
        with self._lock:
            if self.started is None:
                return None
            lasted, self.started = self.clock() - self.started, None
            return lasted
