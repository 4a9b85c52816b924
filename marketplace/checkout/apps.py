import oscar.apps.checkout.apps as apps
from django.urls import path
from oscar.core.loading import get_class


class CheckoutConfig(apps.CheckoutConfig):
    name = "marketplace.checkout"

    def ready(self):
        super().ready()
        self.invoice_request_view = get_class("checkout.invoice_views", "InvoiceRequestView")

    def get_urls(self):
        # The optional VAT invoice request, reached from the preview (marketplace.invoicing).
        invoice = path("vat-invoice/", self.invoice_request_view.as_view(), name="invoice-request")
        return [invoice, *super().get_urls()]
