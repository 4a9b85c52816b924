"""The Oscar shop config: Oscar's URLs without its home page (Wagtail serves it), plus enterprises."""

from django.apps import apps
from django.urls import path, re_path
from django.views.generic import RedirectView
from oscar.config import Shop


class MarketplaceShop(Shop):
    def ready(self):
        super().ready()
        self.enterprises_app = apps.get_app_config("partner")
        self.payment_app = apps.get_app_config("payment")
        self.transfers_app = apps.get_app_config("transfers")

    def get_urls(self):
        from catalogue.trace_views import TraceabilityView, TraceQrCodeView

        urls = [pattern for pattern in super().get_urls() if getattr(pattern, "name", None) != "home"]
        lot = r"^01/(?P<gtin>\d{14})/10/(?P<lot>[^/]+)"  # lot codes never hold "/" (catalogue.traceability)
        digital_link = re_path(rf"{lot}$", TraceabilityView.as_view(), name="gs1-digital-link")
        digital_link_qr = re_path(
            rf"{lot}/qr\.(?P<fmt>[a-z]+)$", TraceQrCodeView.as_view(), name="gs1-digital-link-qr"
        )
        return [
            digital_link,
            digital_link_qr,
            path("enterprises/", self.enterprises_urls()),
            # The enterprises' pages were at /vendors/ until 2026-12: old links and printed QR codes
            # keep working.
            re_path(
                r"^vendors/(?P<rest>.*)$",
                RedirectView.as_view(url="/enterprises/%(rest)s", permanent=True, query_string=True),
            ),
            path("checkout/", self.payment_app.urls),  # the card page and Stripe's webhook
            path("checkout/transfer/", self.transfers_app.urls),  # VietQR and the bank's notifications
            *urls,
        ]

    def enterprises_urls(self):
        """The enterprises' pages, and each one's storefront, whose products the search service lists.

        The storefront page depends on both vendors and search, so neither app mounts it: it
        joins the enterprises' namespace here, last, as ``enterprises:detail`` at ``/enterprises/<slug>/``.
        """
        from search.storefront_views import EnterpriseDetailView

        patterns, app_name, namespace = self.enterprises_app.urls
        storefront = path("<slug:slug>/", EnterpriseDetailView.as_view(), name="detail")
        return [*patterns, storefront], app_name, namespace
