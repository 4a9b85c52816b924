"""Request ids, one log line per request, and the health probes.

RequestLogMiddleware (right after SecurityMiddleware; WhiteNoise serves static files before
it in production, unlogged):
- takes the request id from an incoming X-Request-ID header when it is a sane token
  (letters, digits and ``._:+=/-``, at most 128 characters), else makes one (32 hex digits);
  sets it on the response's X-Request-ID and as ``request.request_id``;
- binds it, with the request, for the logging filter: every record logged during the
  request carries request_id, user_id and path;
- logs one line at the end on ``marketplace.requests``: method, path, status, duration_ms,
  bytes, user_id, request_id. At INFO, but at DEBUG for successful probes (/healthz,
  /readyz) and static files, so that a load balancer's polling stays out of the logs.

ProbeMiddleware (right after it) answers /healthz and /readyz itself: before
CommonMiddleware validates the Host header (a container's health check asks for
``localhost``, a Kubernetes probe for the pod's address, neither in ALLOWED_HOSTS) and
before sessions, language and basket are set up.
"""

import logging
import time

import sentry_sdk
from django.conf import settings

from .context import Context, bind, logged_path, new_request_id, request_id_from_header, unbind, user_id_of
from .views import PROBES

logger = logging.getLogger("marketplace.requests")

REQUEST_ID_HEADER = "X-Request-ID"


def _response_size(response):
    if not getattr(response, "streaming", False):
        return len(response.content)
    length = response.headers.get("Content-Length")
    return int(length) if length and length.isdigit() else None


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.quiet_prefixes = tuple(
            prefix for prefix in (settings.STATIC_URL,) if prefix and prefix.startswith("/") and prefix != "/"
        )

    def __call__(self, request):
        started = time.perf_counter()
        request_id = request_id_from_header(request.headers.get(REQUEST_ID_HEADER)) or new_request_id()
        request.request_id = request_id
        _tag_error_reports(request_id)
        token = bind(Context(request_id=request_id, request=request))
        try:
            response = self.get_response(request)
            response.headers[REQUEST_ID_HEADER] = request_id
            self.log(request, response, started)
        finally:
            unbind(token)
        return response

    def is_quiet(self, request):
        path = request.path_info
        if path.lstrip("/") in PROBES:
            return True
        return bool(self.quiet_prefixes) and path.startswith(self.quiet_prefixes)

    def log(self, request, response, started):
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        status = response.status_code
        level = logging.DEBUG if status < 400 and self.is_quiet(request) else logging.INFO
        if not logger.isEnabledFor(level):
            return
        method = request.method
        path = logged_path(request)
        size = _response_size(response)
        user_id = user_id_of(request)
        logger.log(
            level,
            "%s %s %s %.1fms",
            method,
            path,
            status,
            duration_ms,
            extra={
                "method": method,
                "path": path,
                "status": status,
                "duration_ms": duration_ms,
                "bytes": size,
                "user_id": user_id,
                "request_id": request.request_id,
            },
        )


class ProbeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        view = PROBES.get(request.path_info[1:])
        if view is not None:
            return view(request)
        return self.get_response(request)


def _tag_error_reports(request_id):
    """Errors sent to Sentry carry the request id of the log lines."""
    if sentry_sdk.is_initialized():
        sentry_sdk.set_tag("request_id", request_id)
