from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.apps.payment.abstract_models import AbstractSourceType


class StripeEvent(models.Model):
    """A Stripe webhook event already handled: Stripe delivers at least once, we act exactly once."""

    event_id = models.CharField(_("event id"), max_length=255, unique=True)
    type = models.CharField(_("type"), max_length=128)
    date_processed = models.DateTimeField(_("processed"), default=timezone.now, editable=False)

    class Meta:
        app_label = "payment"
        ordering = ["-date_processed"]
        verbose_name = _("Stripe event")
        verbose_name_plural = _("Stripe events")

    def __str__(self):
        return f"{self.type} {self.event_id}"


class SourceType(AbstractSourceType):
    """Oscar's payment source type, shown by its gateway's translated name ("Thanh toán khi nhận
    hàng"), not by the English name stored when the first order was paid that way."""

    class Meta(AbstractSourceType.Meta):
        pass

    @property
    def label(self):
        from .gateways import gateways

        gateway = gateways().get(self.code)
        return gateway.name if gateway else self.name

    def __str__(self):
        return str(self.label)


from oscar.apps.payment.models import *
