from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

ShippingRate = get_model("shipping", "ShippingRate")


class ShippingRateForm(forms.ModelForm):
    class Meta:
        model = ShippingRate
        fields = ["name", "kind", "charge", "charge_per_extra_kg", "free_above", "is_active"]
        widgets = {"kind": forms.RadioSelect}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == ShippingRate.Kind.FLAT and cleaned.get("charge_per_extra_kg"):
            self.add_error(
                "charge_per_extra_kg",
                _("A flat rate charges the same for every parcel: leave the charge per kilogram at 0."),
            )
        return cleaned
