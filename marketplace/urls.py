"""URL map: Oscar's shop under its own prefixes, Wagtail's pages everywhere else."""

from django.apps import apps
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("cms/", include(wagtailadmin_urls)),
    # Wagtail's document downloads, with honest headers (cms.document_urls).
    path("documents/", include("cms.document_urls")),
    # /healthz and /readyz for load balancers and containers.
    path("", include("marketplace.operations.urls")),
    path("", include(apps.get_app_config("oscar").urls[0])),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves the home page and every content page; it must come last.
urlpatterns.append(path("", include(wagtail_urls)))
