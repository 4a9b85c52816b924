"""Readiness checks for /readyz: database, cache, broker and search.

Each check answers {"ok": bool, "detail": str}; readiness() adds each one's duration.
The answer is public (probes need no login), so a failure's detail names only the kind
of error; its message goes to the log (marketplace.operations.health), credentials
masked.
"""

import logging
import re
import threading
import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, connections

logger = logging.getLogger(__name__)

# Seconds for connecting to the broker; BROKER_HARD_LIMIT bounds the whole check (DNS included).
BROKER_TIMEOUT = 1.5
BROKER_HARD_LIMIT = 2.0
CACHE_KEY = "operations:readyz"
_CREDENTIALS = re.compile(r"(?P<scheme>[a-z][a-z0-9+.-]*://)[^/@\s]*@", re.IGNORECASE)
MAX_DETAIL = 200


def mask(text):
    """The text with any user:password@ of a URL masked, on one line, bounded."""
    text = _CREDENTIALS.sub(r"\g<scheme>***@", str(text))
    return " ".join(text.split())[:MAX_DETAIL]


def check_database():
    connection = connections[DEFAULT_DB_ALIAS]
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True, "detail": connection.vendor}


def check_cache():
    cache = caches["default"]
    token = uuid.uuid4().hex
    cache.set(CACHE_KEY, token, timeout=30)
    if cache.get(CACHE_KEY) != token:
        return {"ok": False, "detail": "a value set is not read back"}
    return {"ok": True, "detail": type(cache).__name__}


def check_broker():
    url = settings.CELERY_BROKER_URL
    if not url:
        return {"ok": True, "detail": "tasks run in-process"}
    from marketplace.celery import app

    connection = app.connection_for_write(
        url,
        connect_timeout=BROKER_TIMEOUT,
        transport_options={"socket_connect_timeout": BROKER_TIMEOUT, "socket_timeout": BROKER_TIMEOUT},
    )
    outcome = {}

    def connect():
        try:
            with connection:
                connection.ensure_connection(max_retries=0, timeout=BROKER_TIMEOUT)
            outcome["result"] = {"ok": True, "detail": f"{connection.transport_cls} broker reachable"}
        except Exception as exc:
            outcome["error"] = exc

    # In a thread of its own: socket timeouts do not cover a name lookup that hangs.
    worker = threading.Thread(target=connect, name="readyz-broker", daemon=True)
    worker.start()
    worker.join(BROKER_HARD_LIMIT)
    if "error" in outcome:
        raise outcome["error"]
    if "result" not in outcome:
        raise TimeoutError(f"no answer from the broker within {BROKER_HARD_LIMIT:g} s")
    return outcome["result"]


def check_search():
    from search.health import search_status

    status = search_status()
    return {
        "ok": bool(status.get("ok")),
        "backend": mask(status.get("backend", "")),
        "detail": mask(status.get("detail", "")),
    }


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "broker": check_broker,
    "search": check_search,
}


def run_check(name, check):
    started = time.perf_counter()
    try:
        result = dict(check())
    except Exception as exc:
        logger.warning("Readiness check %s failed: %s: %s", name, type(exc).__name__, mask(exc))
        result = {"ok": False, "detail": f"failed ({type(exc).__name__})"}
    else:
        if not result.get("ok"):
            logger.warning("Readiness check %s failed: %s", name, result.get("detail", ""))
    result["duration_ms"] = round((time.perf_counter() - started) * 1000, 1)
    return result


def readiness():
    """{"status": "ok" | "unavailable", "checks": {name: {"ok", "detail", "duration_ms"}}}."""
    checks = {name: run_check(name, check) for name, check in CHECKS.items()}
    ready = all(result["ok"] for result in checks.values())
    return {"status": "ok" if ready else "unavailable", "checks": checks}
