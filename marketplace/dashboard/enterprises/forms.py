"""Forms of the Department's review queue: narrowing the queue, and deciding on one enterprise."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from vendors import review
from vendors.models import EnterpriseKind, EnterpriseStatus

Commune = get_model("places", "Commune")

ALL = [("", _("All"))]

# What a reviewer's button says for each move, and its Bootstrap colour.
ACTIONS = {
    (EnterpriseStatus.SUBMITTED, EnterpriseStatus.APPROVED): (_("Approve"), "success"),
    (EnterpriseStatus.SUBMITTED, EnterpriseStatus.CHANGES_REQUESTED): (_("Ask for changes"), "warning"),
    (EnterpriseStatus.SUBMITTED, EnterpriseStatus.REJECTED): (_("Reject"), "danger"),
    (EnterpriseStatus.APPROVED, EnterpriseStatus.SUSPENDED): (_("Suspend"), "danger"),
    (EnterpriseStatus.SUSPENDED, EnterpriseStatus.APPROVED): (_("Re-approve"), "success"),
}


def reviewer_moves(status):
    """The Department's decisions from ``status``: submitting is the enterprise's own move."""
    return {move for move in review.allowed_moves(status) if (status, move) in ACTIONS}


class DateInput(forms.DateInput):
    """The browser's date picker, which always sends ISO dates whatever the page's language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class CommuneChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, commune):
        return commune.name  # the province is the same for all: no query per option


class QueueFilterForm(forms.Form):
    """Narrows the queue; every field is optional and an empty form means the whole queue."""

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

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("submitted_from"), cleaned.get("submitted_to")
        if start and end and start > end:
            raise ValidationError(_("The start date must not be after the end date."))
        return cleaned

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


class DecisionForm(forms.Form):
    """One reviewer's decision: a move the enterprise's current status allows, and why.

    ``seen_change`` is the latest history row the reviewer had in front of them; if
    someone decided since, the reviewer must look again before deciding.
    """

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
    seen_change = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, enterprise, *args, **kwargs):
        self.enterprise = enterprise
        self.latest_change_id = latest_change_id(enterprise)
        kwargs.setdefault("initial", {}).setdefault("seen_change", self.latest_change_id)
        super().__init__(*args, **kwargs)
        allowed = reviewer_moves(enterprise.status)
        self.fields["to_status"].choices = [
            (value, label) for value, label in EnterpriseStatus.choices if value in allowed
        ]

    def clean(self):
        cleaned = super().clean()
        to_status, seen = cleaned.get("to_status"), cleaned.get("seen_change")
        if seen is not None and seen != self.latest_change_id:
            raise ValidationError(
                _("Another decision was made on this enterprise meanwhile: review it again."), code="stale"
            )
        if to_status:
            try:
                review.check_move(self.enterprise.status, to_status, cleaned.get("reason", ""))
            except ValidationError as refusal:
                self.add_error("reason" if refusal.code == "reason_required" else "to_status", refusal)
        return cleaned

    def is_stale(self):
        """Whether the decision was made on a page the enterprise's status has moved on from."""
        return self.has_error(NON_FIELD_ERRORS, "stale") or self.has_error("to_status", "invalid_choice")

    @property
    def moves(self):
        """(status, button label, style) of each allowed move, for one button each."""
        return [
            (status, *ACTIONS[self.enterprise.status, status])
            for status, _label in self.fields["to_status"].choices
        ]


def latest_change_id(enterprise):
    return enterprise.status_changes.order_by("-pk").values_list("pk", flat=True).first() or 0
