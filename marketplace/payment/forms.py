from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.order.models import Parcel


class RefundForm(forms.Form):
    """The operator's refund: one parcel, or every paid parcel of the order, with the reason."""

    parcel = forms.ModelChoiceField(
        label=_("Refund"),
        queryset=Parcel.objects.none(),
        required=False,
        empty_label=_("The whole order"),
    )
    reason = forms.CharField(label=_("Reason"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, order, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parcel"].queryset = order.parcels.select_related("enterprise").order_by("pk")
        self.fields["parcel"].label_from_instance = lambda parcel: (
            f"{parcel.number} · {parcel.enterprise.name}"
        )
