from django.urls import path
from oscar.apps.catalogue import apps


class CatalogueConfig(apps.CatalogueConfig):
    """Oscar's catalogue with OCOP certificates and public traceability pages."""

    name = "catalogue"

    def get_urls(self):
        from . import trace_views

        urls = [
            path("ocop/<int:pk>/", trace_views.CertificateView.as_view(), name="ocop-certificate"),
            path(
                "ocop/<int:pk>/scan/", trace_views.CertificateScanView.as_view(), name="ocop-certificate-scan"
            ),
            path("trace/<int:product_pk>/<str:lot>/", trace_views.TraceabilityView.as_view(), name="trace"),
            path(
                "trace/<int:product_pk>/<str:lot>/qr.<str:fmt>",
                trace_views.TraceQrCodeView.as_view(),
                name="trace-qr",
            ),
        ]
        return self.post_process_urls(urls) + super().get_urls()
