"""The province and commune fields that put a record on the map of administrative units."""

from django.db import models
from django.utils.translation import gettext_lazy as _


def administrative_units(related_name="+"):
    """An abstract model with the two-tier units (since 1 July 2025): province, then commune/ward.

    Addresses and enterprises both carry the pair; only the name for the reverse relation
    differs (addresses have none), so it is the one thing to choose.
    """

    class AdministrativeUnits(models.Model):
        province = models.ForeignKey(
            "places.Province",
            on_delete=models.PROTECT,
            null=True,
            blank=True,
            related_name=related_name,
            verbose_name=_("province"),
        )
        commune = models.ForeignKey(
            "places.Commune",
            on_delete=models.PROTECT,
            null=True,
            blank=True,
            related_name=related_name,
            verbose_name=_("commune or ward"),
        )

        class Meta:
            abstract = True

    return AdministrativeUnits
