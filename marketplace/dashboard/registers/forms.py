"""Narrowing the product register: by enterprise, OCOP sector and OCOP stars in force."""

from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")

NO_STARS = "0"
STAR_CHOICES = [
    ("", _("All")),
    (NO_STARS, _("No OCOP stars")),
    *((str(stars), f"{stars}★") for stars in (3, 4, 5)),
]


class SectorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, category):
        return category.name


class ProductRegisterFilterForm(forms.Form):
    """Every field optional: an empty form is the whole register."""

    enterprise = forms.ModelChoiceField(
        label=_("Enterprise"),
        queryset=Partner.objects.order_by("name"),
        required=False,
        empty_label=_("All"),
    )
    sector = SectorChoiceField(
        label=_("OCOP sector"),
        queryset=Category.objects.filter(depth=1).order_by("path"),
        required=False,
        empty_label=_("All"),
    )
    stars = forms.ChoiceField(label=_("OCOP stars in force"), choices=STAR_CHOICES, required=False)

    def filter(self, products):
        """``products`` annotated by ``registers.products_register``, narrowed (call only on a valid form)."""
        data = self.cleaned_data
        if data["enterprise"]:
            sold = StockRecord.objects.filter(product=OuterRef("pk"), partner=data["enterprise"])
            products = products.filter(Exists(sold))
        if data["sector"]:
            products = products.filter(sector_path=data["sector"].path)
        if data["stars"] == NO_STARS:
            products = products.filter(ocop_stars__isnull=True)
        elif data["stars"]:
            products = products.filter(ocop_stars=int(data["stars"]))
        return products
