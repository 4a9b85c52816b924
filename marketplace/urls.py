"""URL map: Oscar's shop under its own prefixes, Wagtail's pages everywhere else.

Both are language-prefixed (``i18n_patterns``): Vietnamese at the root, English under ``/en/``
(marketplace.middleware). Admin areas and what machines call stay unprefixed.
"""

from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from wagtail.admin import urls as wagtailadmin_urls

from cms import localized_serve
from marketplace.payment.views import StripeWebhookView

urlpatterns = [
    # robots.txt and the sitemap, outside any language prefix (marketplace.seo).
    path("", include("marketplace.seo.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("cms/", include(wagtailadmin_urls)),
    # Wagtail's document downloads, with honest headers (cms.document_urls).
    path("documents/", include("cms.document_urls")),
    # /healthz and /readyz for load balancers and containers.
    path("", include("marketplace.operations.urls")),
    # The address registered with Stripe, never language-prefixed nor redirected; the shop's
    # own (payment:stripe-webhook) answers the same.
    path("checkout/stripe/webhook/", StripeWebhookView.as_view()),
]
urlpatterns += i18n_patterns(
    path("", include(apps.get_app_config("oscar").urls[0])),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves the home page and every content page, English ones under /en/; it must come last.
urlpatterns += i18n_patterns(path("", include(localized_serve)), prefix_default_language=False)
