"""Whether product search can answer, for the operations endpoint.

:func:`search_status` never raises and never waits long: a health check that
hangs or fails with the cluster would be no use for telling that the cluster
is down.
"""

from urllib.parse import urlsplit

from django.conf import settings
from elasticsearch import NotFoundError

from .backends import get_backend, get_standby
from .backends.database.cache import current_version
from .models import ProductRecord

PING_TIMEOUT = 1  # seconds


def search_status() -> dict:
    """``{"ok": bool, "backend": "elasticsearch" | "database", "detail": str}``."""
    name = "elasticsearch" if settings.ELASTICSEARCH_URL else "database"
    try:
        ok, detail = _elasticsearch() if settings.ELASTICSEARCH_URL else _database()
    except Exception as error:  # whatever went wrong is the answer, not an error of the endpoint
        ok, detail = False, f"{type(error).__name__}: {error}"
    return {"ok": ok, "backend": name, "detail": detail}


def _elasticsearch():
    backend = get_backend()
    client = backend.client.options(request_timeout=PING_TIMEOUT, max_retries=0)
    if not client.ping():
        return False, f"cluster at {_address()} did not answer a ping within {PING_TIMEOUT} s; {_standby()}"
    try:
        indices = sorted(client.indices.get_alias(name=backend.alias))
    except NotFoundError:
        return False, f"alias {backend.alias} does not exist: run search_index --rebuild; {_standby()}"
    return True, f"alias {backend.alias} -> {', '.join(indices)}"


def _database():
    filled = ProductRecord.objects.exists()
    revision = current_version().revision
    if not filled:
        return True, f"search tables answer, empty: run search_index --rebuild (revision {revision})"
    return True, f"search tables answer (revision {revision})"


def _standby():
    try:
        ready = get_standby().is_ready()
    except Exception as error:
        return f"the database index could not be checked ({type(error).__name__})"
    return "searches answer from the database index" if ready else "search pages answer 503"


def _address():
    """Where the cluster is, without any user name or password the URL holds."""
    parts = urlsplit(settings.ELASTICSEARCH_URL)
    return f"{parts.hostname}:{parts.port}" if parts.port else str(parts.hostname)
