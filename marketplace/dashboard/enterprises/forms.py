"""Forms of the Department's review queue: narrowing the queue, and deciding on one enterprise."""

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from marketplace.dashboard.decisions import BaseDecisionForm
from marketplace.dashboard.queues import DateRangeMixin
from vendors import review
from vendors.models import EnterpriseKind, EnterpriseStatus

Commune = get_model("places", "Commune")

ALL = [("", _("All"))]

# What a reviewer's button says for each move, and its Bootstrap colour. Submitting is the
# enterprise's own move, so it has none.
ACTIONS = {
    (EnterpriseStatus.SUBMITTED, EnterpriseStatus.APPROVED): (_("Approve"), "success"),
    (EnterpriseStatus.SUBMITTED, EnterpriseStatus.CHANGES_REQUESTED): (_("Ask for changes"), "warning"),
    (EnterpriseStatus.SUBMITTED, EnterpriseStatus.REJECTED): (_("Reject"), "danger"),
    (EnterpriseStatus.APPROVED, EnterpriseStatus.SUSPENDED): (_("Suspend"), "danger"),
    (EnterpriseStatus.SUSPENDED, EnterpriseStatus.APPROVED): (_("Re-approve"), "success"),
}


class DateInput(forms.DateInput):
    """The browser's date picker, which always sends ISO dates whatever the page's language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class CommuneChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, commune):
        return commune.name  # the province is the same for all: no query per option


class QueueFilterForm(DateRangeMixin, forms.Form):
    """Narrows the queue; every field is optional and an empty form means the whole queue."""

    date_range = ("submitted_from", "submitted_to")

    status = forms.ChoiceField(label=_("Status"), choices=ALL + EnterpriseStatus.choices, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=ALL + EnterpriseKind.choices, required=False)
    commune = CommuneChoiceField(
        label=_("Commune or ward"),
        queryset=Commune.objects.filter(enterprises__isnull=False).distinct().order_by("name"),
        required=False,
        empty_label=_("All"),
    )
    submitted_from = forms.DateField(label=_("Submitted from"), required=False, widget=DateInput)
    submitted_to = forms.DateField(label=_("Submitted to"), required=False, widget=DateInput)

    def filter(self, queryset):
        """The queryset narrowed by the valid filters (call only on a valid form)."""
        data = self.cleaned_data
        if data["status"]:
            queryset = queryset.filter(status=data["status"])
        if data["kind"]:
            queryset = queryset.filter(kind=data["kind"])
        if data["commune"]:
            queryset = queryset.filter(commune=data["commune"])
        if data["submitted_from"]:
            queryset = queryset.filter(date_submitted__date__gte=data["submitted_from"])
        if data["submitted_to"]:
            queryset = queryset.filter(date_submitted__date__lte=data["submitted_to"])
        return queryset


class DecisionForm(BaseDecisionForm):
    """One reviewer's decision: a move the enterprise's current status allows, and why."""

    workflow = review.ENTERPRISE_REVIEW
    stale_message = _("Another decision was made on this enterprise meanwhile: review it again.")
    error_fields = {"reason_required": "reason"}
    actions = ACTIONS

    to_status = forms.ChoiceField(
        label=_("Decision"),
        error_messages={
            "invalid_choice": _(
                "This decision is no longer possible: reload the page to see the current status."
            )
        },
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Required when rejecting, asking for changes or suspending. The enterprise receives it by e-mail."
        ),
    )

    @property
    def decision_fields(self):
        return [self["reason"]]
