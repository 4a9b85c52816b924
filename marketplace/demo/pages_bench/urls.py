"""The site's URLs with the ceiling in front of them (mounted by ``wsgi``, in benchmark runs only)."""

from importlib import import_module

from django.conf import settings
from django.urls import path

from .serving import ceiling

site = import_module(settings.BENCH_SITE_URLCONF)

# The site's patterns themselves, not include(): its handlers and language prefixes stay as they are.
urlpatterns = [path("__bench__/ceiling/<int:size>/", ceiling, name="bench-ceiling"), *site.urlpatterns]

for _name in ("handler400", "handler403", "handler404", "handler500"):
    if hasattr(site, _name):
        globals()[_name] = getattr(site, _name)
