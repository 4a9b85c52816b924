"""/healthz and /readyz (ProbeMiddleware answers them first; these name them and are the fallback)."""

from django.urls import path

from .views import PROBES

urlpatterns = [path(name, view, name=name) for name, view in PROBES.items()]
