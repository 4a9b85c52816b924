"""Orders: Oscar's order for the shopper, and one parcel (sub-order) per enterprise."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.apps.address.abstract_models import AbstractShippingAddress
from oscar.apps.order.abstract_models import AbstractOrder

from marketplace.address.abstract_models import AdministrativeUnits


class ShippingAddress(AdministrativeUnits, AbstractShippingAddress):
    """Where the parcels go: Oscar's shipping address with the province and commune it lies in."""

    class Meta(AbstractShippingAddress.Meta):
        pass


class Parcel(models.Model):
    """One enterprise's part of a shopper's order: its lines, its shipping, its own status.

    The lines are the order's lines whose ``partner`` is this enterprise; the amounts are
    copied here when the order is placed so statements never recompute history.
    """

    class Status(models.TextChoices):
        AWAITING_PAYMENT = "awaiting_payment", _("Awaiting payment")
        CONFIRMED = "confirmed", _("Confirmed")
        PACKED = "packed", _("Packed")
        SHIPPED = "shipped", _("Shipped")
        DELIVERED = "delivered", _("Delivered")
        CANCELLED = "cancelled", _("Cancelled")
        REFUNDED = "refunded", _("Refunded")

    order = models.ForeignKey(
        "order.Order", on_delete=models.CASCADE, related_name="parcels", verbose_name=_("order")
    )
    enterprise = models.ForeignKey(
        "partner.Partner",
        on_delete=models.PROTECT,
        related_name="parcels",
        verbose_name=_("enterprise"),
    )
    number = models.CharField(_("parcel number"), max_length=64, unique=True)
    status = models.CharField(
        _("status"), max_length=32, choices=Status.choices, default=Status.AWAITING_PAYMENT, db_index=True
    )
    lines_total = models.DecimalField(_("goods"), max_digits=12, decimal_places=2)
    shipping_method_code = models.CharField(_("shipping method"), max_length=128, blank=True)
    shipping_method_name = models.CharField(_("shipping method name"), max_length=255, blank=True)
    shipping_charge = models.DecimalField(_("shipping"), max_digits=12, decimal_places=2, default=0)
    carrier = models.CharField(_("carrier"), max_length=128, blank=True)
    tracking_number = models.CharField(_("tracking number"), max_length=128, blank=True)
    date_created = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    date_updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-date_created", "pk"]
        verbose_name = _("parcel")
        verbose_name_plural = _("parcels")
        constraints = [
            models.UniqueConstraint(fields=["order", "enterprise"], name="one_parcel_per_enterprise"),
        ]
        # The Department's console sums a period's parcels by their creation time.
        indexes = [models.Index(fields=["date_created"], name="order_parcel_created_idx")]

    def __str__(self):
        return self.number

    @property
    def total(self):
        return self.lines_total + self.shipping_charge

    @property
    def lines(self):
        return self.order.lines.filter(partner=self.enterprise)


class ParcelStatusChange(models.Model):
    """The parcel's history: every move, who made it and why."""

    parcel = models.ForeignKey(Parcel, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=32, choices=Parcel.Status.choices, blank=True)
    to_status = models.CharField(max_length=32, choices=Parcel.Status.choices)
    note = models.TextField(blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    date_created = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["date_created", "pk"]

    def __str__(self):
        return f"{self.parcel}: {self.from_status} → {self.to_status}"

    @property
    def why(self):
        """The written note, by the name every status history shows it under."""
        return self.note


class Order(AbstractOrder):
    """Oscar's order, remembering the language the shopper ordered in: their mails are written in it."""

    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )


from oscar.apps.order.models import *
