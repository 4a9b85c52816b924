"""The two-tier administrative units (since 1 July 2025) on every shopper address."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AdministrativeUnits(models.Model):
    """Province and commune/ward, chosen from the official list.

    Oscar's ``state`` and ``line4`` (city) keep the units' names as well, so Oscar's
    address summaries, hashes and e-mails read naturally without special cases.
    """

    province = models.ForeignKey(
        "places.Province",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("province"),
    )
    commune = models.ForeignKey(
        "places.Commune",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("commune or ward"),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.commune_id:
            self.line4 = self.commune.name
        if self.province_id:
            self.state = self.province.name
        super().save(*args, **kwargs)
