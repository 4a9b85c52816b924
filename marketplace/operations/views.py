"""Probes for load balancers, containers and monitoring.

/healthz: the process answers (no database, cache or session is touched).
/readyz: the process and what it depends on are usable; 503 when any check fails.
ProbeMiddleware answers both before host validation, sessions and the rest.
"""

from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import health


@never_cache
@require_safe
def healthz(request):
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


@never_cache
@require_safe
def readyz(request):
    report = health.readiness()
    return JsonResponse(report, status=200 if report["status"] == "ok" else 503)


# Path (without the leading slash) -> view: the URL patterns and ProbeMiddleware share it.
PROBES = {"healthz": healthz, "readyz": readyz}
