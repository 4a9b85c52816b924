"""Delivery rates each enterprise sets for its own parcels.

Oscar's shipping methods apply to a whole basket; here every enterprise ships its
own parcel, so each one lists the ways it delivers and what they cost. Charges are
computed in :mod:`marketplace.shipping.rates`.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ShippingRate(models.Model):
    class Kind(models.TextChoices):
        FLAT = "flat", _("Flat rate per parcel")
        WEIGHT = "weight", _("By weight")

    enterprise = models.ForeignKey(
        "partner.Partner",
        on_delete=models.CASCADE,
        related_name="shipping_rates",
        verbose_name=_("enterprise"),
    )
    name = models.CharField(
        _("name"), max_length=100, help_text=_("Shown to shoppers, e.g. “Standard delivery (3 to 5 days)”.")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.FLAT)
    charge = models.DecimalField(
        _("charge"),
        max_digits=12,
        decimal_places=0,
        validators=[MinValueValidator(0)],
        help_text=_("In đồng: per parcel for a flat rate, for the first kilogram by weight."),
    )
    charge_per_extra_kg = models.DecimalField(
        _("charge per extra kilogram"),
        max_digits=12,
        decimal_places=0,
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_("By weight only: added for every started kilogram after the first."),
    )
    free_above = models.DecimalField(
        _("free from"),
        max_digits=12,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("The parcel ships free when its goods cost at least this much. Leave empty for never."),
    )
    is_active = models.BooleanField(_("offered to shoppers"), default=True)
    date_created = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    date_updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["enterprise", "charge", "pk"]
        verbose_name = _("shipping rate")
        verbose_name_plural = _("shipping rates")

    def __str__(self):
        return self.name

    @property
    def code(self):
        """How the shopper's choice refers to this rate (in the session and on the parcel)."""
        return f"rate-{self.pk}" if self.pk else "standard"


from oscar.apps.shipping.models import *
