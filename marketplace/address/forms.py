"""Address forms for shoppers: a Vietnamese address in the 2025 units, with a phone the courier can call."""

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.address import forms as oscar_forms
from oscar.core.loading import get_model

from places.forms import ProvinceCommuneMixin
from vendors.validators import normalise_phone

Country = get_model("address", "Country")
UserAddress = get_model("address", "UserAddress")


class AddressFormMeta:
    """What an address form asks and how it words it: the address book's and checkout's alike."""

    fields = ["first_name", "phone_number", "line1", "province", "commune", "notes"]
    labels = {
        "first_name": _("Full name"),
        "line1": _("House number and street"),
        "notes": _("Delivery instructions"),
    }
    help_texts = {
        "line1": _("For example: 12 Lê Lợi, tổ 3."),
        "notes": _("Anything the courier should know, e.g. the best time to call."),
    }
    widgets = {"notes": forms.Textarea(attrs={"rows": 2})}


class VietnameseAddressMixin(ProvinceCommuneMixin):
    """Province then commune/ward from the official list, and a Vietnamese phone.

    The commune list shows the chosen province's communes. Without JavaScript, the
    "show communes" button posts the form back with ``change_province`` and the page
    returns with the new list and no errors; with it, changing the province does the same.
    """

    PROVINCE_CHANGE = "change_province"
    no_province_prompt = _("Choose the province first")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Typed as people write it ("0912 345 678"); clean_phone_number checks and normalises it.
        self.fields["phone_number"] = forms.CharField(
            label=_("Phone number"), max_length=32, help_text=_("The courier calls this number.")
        )
        for name in ("first_name", "line1", "province", "commune", "phone_number"):
            self.fields[name].required = True
        self.instance.country = Country.objects.get(iso_3166_1_a2="VN")
        self.fields["province"].error_messages["invalid_choice"] = _(
            "We deliver to the provinces and cities in the list only: please choose one of them."
        )
        self.fields["commune"].error_messages["invalid_choice"] = _(
            "Please choose the commune or ward from the list."
        )
        if self.instance.phone_number and not self.is_bound:
            self.initial["phone_number"] = self.instance.phone_number.as_national

    @property
    def is_province_change(self):
        """The shopper only asked for the chosen province's communes: show the form again, unjudged."""
        return self.is_bound and self.PROVINCE_CHANGE in self.data

    def clean_phone_number(self):
        return normalise_phone(self.cleaned_data.get("phone_number"))

    def clean(self):
        cleaned = super().clean()
        province, commune = cleaned.get("province"), cleaned.get("commune")
        if province and commune and commune.province_id == province.pk:
            self.instance.line4, self.instance.state = commune.name, province.name
        return cleaned


class UserAddressForm(VietnameseAddressMixin, oscar_forms.AbstractAddressForm):
    """An address in the shopper's address book."""

    class Meta(AddressFormMeta):
        model = UserAddress

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.user = user
