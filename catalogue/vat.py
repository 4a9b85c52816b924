"""The VAT rates a product can be sold under (Law on VAT 48/2024/QH15), as its field's choices.

Blank on a product means the marketplace's default (settings ``EINVOICE["DEFAULT_VAT_RATE"]``);
what an invoice does with a rate is the invoicing app's business.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class VatRate(models.TextChoices):
    NOT_SUBJECT = "KCT", _("Not subject to VAT (KCT)")
    ZERO = "0", "0 %"
    FIVE = "5", "5 %"
    EIGHT = "8", _("8 % (reduced from 10 %)")
    TEN = "10", "10 %"
