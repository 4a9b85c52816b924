"""Oscar's product form with what a provincial product states: its barcode, origin, size and shelf life.

The origin is the enterprise's claim: changing one the Department has already
decided on sends it back for verification. The category form saves one tree change
at a time (catalogue.category_tree). Every other form is Oscar's.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.catalogue import forms as oscar_forms
from oscar.core.loading import get_model

from catalogue import origin
from catalogue.category_tree import OneTreeChangeAtATime

Commune = get_model("places", "Commune")
Product = get_model("catalogue", "Product")
Province = get_model("places", "Province")

PRODUCT_FACTS = [
    "gtin",
    "origin_province",
    "origin_commune",
    "origin_wording",
    "weight_grams",
    "unit",
    "shelf_life_days",
]


class ProductForm(oscar_forms.ProductForm):
    class Meta(oscar_forms.ProductForm.Meta):
        fields = [*oscar_forms.ProductForm.Meta.fields, *PRODUCT_FACTS]
        help_texts = {
            "origin_commune": _("Save the product after changing the province to choose among its communes."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "origin_province" not in self.fields:
            return  # a variant takes its origin from its parent
        self.fields["origin_province"].queryset = Province.objects.order_by("name")
        if not self.instance.origin_province_id and "origin_province" not in self.initial:
            self.initial["origin_province"] = Province.objects.filter(
                code=settings.MARKETPLACE_PROVINCE_CODE
            ).first()
        self._offer_communes_of(self._chosen_province())

    def _chosen_province(self):
        """The province whose communes are offered: the one posted, else the stored or initial one."""
        value = self.data.get(self.add_prefix("origin_province")) if self.is_bound else None
        if value is None:
            value = self.initial.get("origin_province") or self.instance.origin_province_id
        if isinstance(value, Province):
            return value
        try:
            return Province.objects.filter(pk=int(value)).first()
        except (TypeError, ValueError):
            return None

    def _offer_communes_of(self, province):
        # Validation accepts any commune so that one of another province gets a clear message
        # from clean() rather than "not one of the choices"; the list offers the province's own.
        field = self.fields["origin_commune"]
        field.queryset = Commune.objects.select_related("province")
        communes = Commune.objects.filter(province=province).order_by("name") if province else []
        field.widget.choices = [("", "---------")] + [(commune.pk, commune.name) for commune in communes]

    def clean_gtin(self):
        gtin = "".join(self.cleaned_data.get("gtin", "").split()).replace("-", "")
        if gtin and Product.objects.filter(gtin=gtin).exclude(pk=self.instance.pk).exists():
            raise ValidationError(
                gettext("Another product already has the barcode %(gtin)s: each product has its own GTIN.")
                % {"gtin": gtin},
                code="duplicate_gtin",
            )
        return gtin

    def clean(self):
        cleaned = super().clean()
        province, commune = cleaned.get("origin_province"), cleaned.get("origin_commune")
        if commune and not province:
            self.add_error("origin_province", gettext("Please choose the province of the commune."))
        elif province and commune and commune.province_id != province.pk:
            self.add_error(
                "origin_commune",
                gettext("%(commune)s is not in %(province)s: please choose again from the list.")
                % {"commune": commune.name, "province": province.name},
            )
        return cleaned

    def save(self, *args, **kwargs):
        with transaction.atomic():
            if self.instance.pk:
                origin.reopen_if_changed(Product.objects.get(pk=self.instance.pk), self.instance)
            return super().save(*args, **kwargs)


class CategoryForm(OneTreeChangeAtATime, oscar_forms.CategoryForm):
    pass
