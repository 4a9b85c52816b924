"""Forms of the payouts dashboard: choosing a month, and recording a payout."""

from django import forms
from django.utils.translation import gettext_lazy as _


class MonthInput(forms.DateInput):
    """The browser's month picker, which sends ``YYYY-MM`` whatever the page's language."""

    input_type = "month"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m")


class MonthForm(forms.Form):
    month = forms.DateField(
        label=_("Month"),
        input_formats=["%Y-%m"],
        widget=MonthInput,
        error_messages={"invalid": _("Please choose a month, e.g. 2026-11.")},
    )


class PayoutForm(forms.Form):
    """What the operator sent: the amount in whole đồng and the bank transfer's reference."""

    amount = forms.DecimalField(label=_("Amount (₫)"), min_value=1, max_digits=14, decimal_places=0)
    reference = forms.CharField(
        label=_("Reference"),
        max_length=128,
        help_text=_("The bank transfer's reference, so the payment can be found on the statement."),
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
