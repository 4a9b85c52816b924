"""The load driver: N threads, each with its own HTTP connection, sending a scenario's requests.

Plain ``http.client`` (no new dependency); gunicorn's sync workers close the connection after
each response and ``http.client`` opens the next one by itself. Each request's latency, status,
size and query count (the ``serving.QUERIES_HEADER``) is kept.
"""

import http.client
import statistics
import threading
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie

from .serving import QUERIES_HEADER

TIMEOUT = 60


@dataclass(frozen=True)
class Request:
    path: str
    cookies: dict = field(default_factory=dict)


@dataclass
class Figures:
    """What one side (the site or its ceiling) did over a scenario's batches."""

    seconds: float = 0.0
    latencies_ms: list = field(default_factory=list)
    errors: int = 0
    queries: list = field(default_factory=list)
    sizes: list = field(default_factory=list)
    first_error: str = ""

    @property
    def requests(self):
        return len(self.latencies_ms)

    @property
    def rate(self):
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p):
        ordered = sorted(self.latencies_ms)
        if len(ordered) < 2:
            return ordered[0] if ordered else float("nan")
        return statistics.quantiles(ordered, n=100, method="inclusive")[p - 1]


class Client:
    """One keep-alive connection to the served site, with the cookies it is given back."""

    def __init__(self, host, port, cookies=None):
        self.connection = http.client.HTTPConnection(host, port, timeout=TIMEOUT)
        self.cookies = dict(cookies or {})

    def request(self, method, path, body=None, cookies=None, headers=None):
        """(status, headers, body bytes); cookies the response sets are kept for the next request."""
        sent = {**self.cookies, **(cookies or {})}
        headers = dict(headers or {})
        if sent:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in sent.items())
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()  # the next request opens a new connection
            raise
        for header in response.msg.get_all("Set-Cookie") or ():
            for name, morsel in SimpleCookie(header).items():
                if morsel.value:
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)
        return response.status, response.msg, data

    def close(self):
        self.connection.close()


def drive(host, port, requests, connections, figures, progress=None):
    """Send ``requests`` over ``connections`` concurrent connections, adding what happened to ``figures``."""
    pending = iter(requests)
    lock = threading.Lock()

    def worker():
        client = Client(host, port)
        try:
            while True:
                with lock:
                    request = next(pending, None)
                if request is None:
                    return
                started = time.perf_counter()
                try:
                    status, headers, body = client.request("GET", request.path, cookies=request.cookies)
                    error = "" if status == 200 else f"{status} on {request.path}"
                except (OSError, http.client.HTTPException) as failure:
                    status, headers, body, error = 0, {}, b"", f"{failure!r} on {request.path}"
                elapsed_ms = (time.perf_counter() - started) * 1000
                with lock:
                    figures.latencies_ms.append(elapsed_ms)
                    figures.sizes.append(len(body))
                    if error:
                        figures.errors += 1
                        figures.first_error = figures.first_error or error
                    if headers and headers.get(QUERIES_HEADER):
                        figures.queries.append(int(headers[QUERIES_HEADER]))
                    if progress is not None:
                        progress.update(1)
        finally:
            client.close()

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(connections)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    figures.seconds += time.perf_counter() - started
    return figures
