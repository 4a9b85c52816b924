from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InvoicingConfig(AppConfig):
    """E-invoice data per parcel: the buyer's request, what an invoice shows, its files, the issued number."""

    name = "marketplace.invoicing"
    label = "invoicing"
    verbose_name = _("E-invoices")
    default_auto_field = "django.db.models.BigAutoField"
