from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.order.models import Parcel

from . import bookkeeping, refunds


class RefundForm(forms.Form):
    """The operator's refund: one parcel, or every paid parcel of the order, with the reason, and the
    reference of money sent back by hand (required for a bank transfer, optional for cash; a card's
    refund is named by Stripe, so the field is left out)."""

    parcel = forms.ModelChoiceField(
        label=_("Refund"),
        queryset=Parcel.objects.none(),
        required=False,
        empty_label=_("The whole order"),
    )
    reason = forms.CharField(label=_("Reason"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))
    reference = forms.CharField(
        label=_("Reference of the cash handed back"),
        help_text=_("Optional: a receipt number or a note, shown in the order's payment history."),
        max_length=128,
        required=False,
    )

    def __init__(self, order, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parcel"].queryset = order.parcels.select_related("enterprise").order_by("pk")
        self.fields["parcel"].label_from_instance = lambda parcel: (
            f"{parcel.number} · {parcel.enterprise.name}"
        )
        self.gateway = bookkeeping.gateway_for(order) if order.sources.exists() else None
        if self.gateway is None or not refunds.takes_reference(self.gateway):
            del self.fields["reference"]
        elif self.gateway.refund_needs_reference:
            reference = self.fields["reference"]
            reference.required = True
            reference.label = _("Reference of the outgoing transfer")
            reference.help_text = _("The bank's reference of the transfer that sent the money back.")
            reference.error_messages["required"] = _(
                "Please give the reference of the transfer that sent the money back."
            )
