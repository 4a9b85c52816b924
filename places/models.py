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


class LegacyUnit(models.Model):
    """A province, district or commune/ward in force before 1 July 2025, kept as an alias.

    Shoppers, certificates and old labels still say "Bố Trạch" or "Quảng Bình": search reads
    such names and answers with the current communes the old unit became (its successors).
    """

    class Level(models.TextChoices):
        PROVINCE = "province", _("province")
        DISTRICT = "district", _("district")
        COMMUNE = "commune", _("commune or ward")

    # The statistics office's old code, zero-padded: 2 digits for a province, 3 for a district,
    # 5 for a commune, so the three levels never share a code.
    code = models.CharField(_("old code"), max_length=5, unique=True)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    name = models.CharField(_("name"), max_length=100)
    division_type = models.CharField(_("division type"), max_length=40)
    old_province_code = models.CharField(_("old province code"), max_length=2)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)  # unknown for most units
    valid_until = models.DateField(_("valid until"))
    search_name = models.CharField(
        _("search name"),
        max_length=100,
        db_index=True,
        help_text=_("The name without its division word, folded."),
    )
    successor_province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        related_name="legacy_units",
        verbose_name=_("current province"),
    )
    successors = models.ManyToManyField(
        Commune, through="LegacySuccessor", related_name="legacy_units", verbose_name=_("current communes")
    )
    data_version = models.CharField(_("data version"), max_length=20)

    class Meta:
        ordering = ["code"]
        verbose_name = _("former administrative unit")
        verbose_name_plural = _("former administrative units")

    def __str__(self):
        return self.name

    @property
    def short_name(self):
        """The name without its division word: "Bố Trạch" for "Huyện Bố Trạch"."""
        if self.name.casefold().startswith(self.division_type.casefold() + " "):
            return self.name[len(self.division_type) + 1 :]
        return self.name


class LegacySuccessor(models.Model):
    """A current commune that took in (all or, when ``partly``, part of) a former unit."""

    legacy_unit = models.ForeignKey(LegacyUnit, on_delete=models.CASCADE, related_name="successor_links")
    commune = models.ForeignKey(Commune, on_delete=models.CASCADE, related_name="+")
    partly = models.BooleanField(_("partly"), default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["legacy_unit", "commune"], name="legacy_successor_once")
        ]
        verbose_name = _("successor commune")
        verbose_name_plural = _("successor communes")

    def __str__(self):
        return f"{self.legacy_unit} → {self.commune}"
