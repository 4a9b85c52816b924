"""What the buyer asked for (one request per order) and what the enterprise issued (one per parcel).

The invoice itself is issued by the enterprise's e-invoice provider, signed and coded by the
Tax Department; the marketplace keeps only its number and lookup code so the shopper finds it.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class InvoiceRequest(models.Model):
    """The buyer's details for a VAT invoice, given at checkout and saved with the order."""

    order = models.OneToOneField(
        "order.Order", on_delete=models.CASCADE, related_name="invoice_request", verbose_name=_("order")
    )
    buyer_name = models.CharField(_("company or buyer name"), max_length=255)
    tax_code = models.CharField(_("tax code"), max_length=14)
    address = models.CharField(_("address"), max_length=400)
    email = models.EmailField(_("e-mail for the invoice"))
    date_created = models.DateTimeField(_("requested"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("VAT invoice request")
        verbose_name_plural = _("VAT invoice requests")

    def __str__(self):
        return f"{self.order.number}: {self.buyer_name} ({self.tax_code})"


class IssuedInvoice(models.Model):
    """The e-invoice the enterprise's provider issued for a parcel: how the shopper looks it up."""

    parcel = models.OneToOneField(
        "order.Parcel", on_delete=models.CASCADE, related_name="issued_invoice", verbose_name=_("parcel")
    )
    template = models.CharField(_("template"), max_length=1, help_text=_("1: VAT invoice, 2: sales invoice."))
    series = models.CharField(_("series"), max_length=6, help_text=_("Six characters, e.g. C26TAA."))
    number = models.PositiveIntegerField(_("invoice number"))
    issued_on = models.DateField(_("issued on"))
    lookup_code = models.CharField(_("lookup code"), max_length=64, blank=True)
    lookup_url = models.URLField(_("lookup address"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    date_updated = models.DateTimeField(_("recorded"), auto_now=True)

    class Meta:
        verbose_name = _("issued invoice")
        verbose_name_plural = _("issued invoices")

    def __str__(self):
        return f"{self.symbol} {self.number:08d}"

    @property
    def symbol(self):
        """Template digit and series as printed on the invoice, e.g. 1C26TAA."""
        return f"{self.template}{self.series}"
