"""What every log record needs to know about the request (or task) it was written in.

RequestLogMiddleware binds a Context for the length of a request, the Celery signal
handlers (marketplace.operations.celery_context) for the length of a task; the logging
filter (marketplace.operations.logs.RequestContextFilter) reads it for each record.
"""

import re
import uuid
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.utils.encoding import escape_uri_path
from django.utils.functional import empty

# Accepted from an incoming X-Request-ID header (a load balancer's or a client's); anything
# else (spaces, newlines, quotes, overlong values) is replaced by a fresh id.
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:+=/-]{1,128}")
MAX_LOGGED_PATH = 1000


@dataclass(frozen=True)
class Context:
    request_id: str
    request: Any = None  # the HttpRequest, read lazily for the user id and path
    user_id: Any = None  # in tasks, where there is no request


_current: ContextVar[Context | None] = ContextVar("marketplace_request_context", default=None)


def current():
    return _current.get()


def bind(context):
    return _current.set(context)


def unbind(token):
    _current.reset(token)


def new_request_id():
    return uuid.uuid4().hex


def request_id_from_header(value):
    """The incoming X-Request-ID when it is a sane token, else None."""
    if value and SANE_REQUEST_ID.fullmatch(value):
        return value
    return None


def logged_path(request):
    """The request's path, percent-encoded (no raw newlines or spaces in a log line) and bounded."""
    return escape_uri_path(request.path)[:MAX_LOGGED_PATH]


def user_id_of(request):
    """The signed-in user's id, or None, without a database query.

    The user is read only if something in the request already loaded it; otherwise from
    the session if that was loaded. A log line never costs a query (or logs one itself).
    """
    if request is None:
        return None
    user = getattr(request, "user", None)
    if user is not None:
        wrapped = getattr(user, "_wrapped", user)  # request.user is a SimpleLazyObject
        if wrapped is not empty:
            return wrapped.pk if getattr(wrapped, "is_authenticated", False) else None
    session_data = getattr(getattr(request, "session", None), "_session_cache", None)
    if isinstance(session_data, dict) and session_data.get("_auth_user_id") is not None:
        from django.contrib.auth import get_user_model

        try:
            return get_user_model()._meta.pk.to_python(session_data["_auth_user_id"])
        except Exception:
            return None
    return None
