"""Oscar's product form with what a provincial product states: its barcode, origin, size and shelf life.

The origin is the enterprise's claim: changing one the Department has already
decided on sends it back for verification. The category form saves one tree change
at a time (catalogue.category_tree). Every other form is Oscar's.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.catalogue import forms as oscar_forms
from oscar.core.loading import get_model

from catalogue import origin
from catalogue.category_tree import OneTreeChangeAtATime
from places.forms import ProvinceCommuneMixin

Product = get_model("catalogue", "Product")

PRODUCT_FACTS = [
    "gtin",
    "origin_province",
    "origin_commune",
    "origin_wording",
    "weight_grams",
    "unit",
    "shelf_life_days",
    "vat_rate",
]


class ProductForm(ProvinceCommuneMixin, oscar_forms.ProductForm):
    class Meta(oscar_forms.ProductForm.Meta):
        fields = [*oscar_forms.ProductForm.Meta.fields, *PRODUCT_FACTS]
        help_texts = {
            "origin_commune": _("Save the product after changing the province to choose among its communes."),
        }

    province_field, commune_field = "origin_province", "origin_commune"

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
        if cleaned.get("origin_commune") and not cleaned.get("origin_province"):
            self.add_error("origin_province", gettext("Please choose the province of the commune."))
        return cleaned

    def save(self, *args, **kwargs):
        with transaction.atomic():
            if self.instance.pk:
                origin.reopen_if_changed(Product.objects.get(pk=self.instance.pk), self.instance)
            return super().save(*args, **kwargs)


class CategoryForm(OneTreeChangeAtATime, oscar_forms.CategoryForm):
    pass
