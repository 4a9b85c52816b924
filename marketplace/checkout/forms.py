"""Checkout forms: where the parcels go, how each enterprise delivers, and how the shopper pays."""

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.checkout import forms as oscar_forms
from oscar.core.loading import get_model

from marketplace.address.forms import AddressFormMeta, VietnameseAddressMixin

ShippingAddress = get_model("order", "ShippingAddress")


class ShippingAddressForm(VietnameseAddressMixin, oscar_forms.AbstractAddressForm):
    class Meta(AddressFormMeta):
        model = ShippingAddress


class ShippingMethodForm(forms.Form):
    """One delivery choice per enterprise group: a radio list named ``parcel-<enterprise id>``."""

    def __init__(self, *args, groups=(), methods=None, **kwargs):
        # ``methods`` ({enterprise id: [EnterpriseRate]}) come from the repository, never from the post.
        super().__init__(*args, **kwargs)
        self.groups = groups
        for group in groups:
            choices = [(method.code, method.name) for method in methods[group.enterprise.pk]]
            self.fields[self.field_name(group.enterprise)] = forms.ChoiceField(
                label=group.enterprise.name,
                choices=choices,
                initial=group.shipping.code,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Please choose how %(name)s delivers.") % {"name": group.enterprise.name},
                    "invalid_choice": _("This delivery method is not offered: please choose again."),
                },
            )

    @staticmethod
    def field_name(enterprise):
        return f"parcel-{enterprise.pk}"

    def choices(self):
        """{enterprise id (str): rate code}, as stored in the checkout session."""
        return {
            str(group.enterprise.pk): self.cleaned_data[self.field_name(group.enterprise)]
            for group in self.groups
        }

    def bound_fields(self):
        return [(group, self[self.field_name(group.enterprise)]) for group in self.groups]


class PaymentMethodForm(forms.Form):
    """The ways of paying the marketplace offers (registered gateways), chosen by code."""

    method = forms.ChoiceField(
        label=_("How would you like to pay?"),
        widget=forms.RadioSelect(attrs={"class": "custom-control-input"}),
        error_messages={"invalid_choice": _("This way of paying is not offered: please choose again.")},
    )

    def __init__(self, *args, gateways=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["method"].choices = [(gateway.code, gateway.name) for gateway in gateways]
