"""Administrative units in force since 1 July 2025: provinces and communes.

Codes are the statistics office's official codes. Each row keeps the
version of the data set it came from, because codes have been revised
after the reform and older records may point at superseded ones.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Province(models.Model):
    """A province or centrally-governed city (one of the 34)."""

    code = models.CharField(_("code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=100)
    division_type = models.CharField(_("division type"), max_length=40)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    data_version = models.CharField(_("data version"), max_length=20)

    class Meta:
        ordering = ["name"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self):
        return self.name

    @property
    def short_name(self):
        """The name without its division word, as in running text: "Quảng Trị" for "Tỉnh Quảng Trị"."""
        for prefix in ("Thành phố ", "Tỉnh "):
            if self.name.startswith(prefix):
                return self.name.removeprefix(prefix)
        return self.name


class Commune(models.Model):
    """A commune, ward or special zone: the lower of the two tiers."""

    code = models.CharField(_("code"), max_length=5, unique=True)
    name = models.CharField(_("name"), max_length=100)
    division_type = models.CharField(_("division type"), max_length=40)
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="communes", verbose_name=_("province")
    )
    slug = models.SlugField(_("slug"), max_length=100)
    data_version = models.CharField(_("data version"), max_length=20)

    class Meta:
        ordering = ["province__name", "name"]
        verbose_name = _("commune or ward")
        verbose_name_plural = _("communes and wards")
        # Slugs are not unique: folding diacritics makes some names collide
        # (Xã Hòa Sơn and Xã Hoà Sơn style pairs); the code is the identity.
        indexes = [models.Index(fields=["province", "slug"])]

    def __str__(self):
        return f"{self.name}, {self.province.name}"
