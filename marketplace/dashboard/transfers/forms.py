"""Forms of the bank transfers dashboard: a statement file, and the operator's three ways to settle."""

from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.transfers.models import IncomingTransfer


class ProblemFilterForm(forms.Form):
    problem = forms.ChoiceField(
        label=_("Problem"),
        required=False,
        choices=[("", _("All problems")), *IncomingTransfer.Problem.choices],
    )
    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[("", _("Flagged for the operator")), ("all", _("All credits"))],
    )


class StatementForm(forms.Form):
    statement = forms.FileField(
        label=_("Bank statement (CSV)"),
        help_text=_(
            "The bank's export with the columns date, reference number, credit amount and description, "
            "in Vietnamese or English."
        ),
    )


class MatchForm(forms.Form):
    order_number = forms.CharField(label=_("Order number"), max_length=128)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReturnForm(forms.Form):
    reference = forms.CharField(
        label=_("Outgoing transfer reference"),
        max_length=128,
        help_text=_("The reference of the bank transfer that sent the money back."),
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class CloseForm(forms.Form):
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}))


SETTLE_FORMS = {"match": MatchForm, "return": ReturnForm, "close": CloseForm}
