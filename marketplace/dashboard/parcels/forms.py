"""Forms of the parcels dashboard: narrowing the list, and moving one parcel on."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from marketplace.dashboard.enterprises.forms import DateInput
from marketplace.order import parcels

Parcel = get_model("order", "Parcel")
Status = Parcel.Status

# What the dashboard's buttons do from each status, and their Bootstrap colour. Confirming
# is the payment's move and refunding the payment gateway's, so neither is offered here.
ACTIONS = {
    (Status.CONFIRMED, Status.PACKED): (_("Mark packed"), "primary"),
    (Status.PACKED, Status.SHIPPED): (_("Mark shipped"), "primary"),
    (Status.SHIPPED, Status.DELIVERED): (_("Mark delivered"), "success"),
    (Status.CONFIRMED, Status.CANCELLED): (_("Cancel parcel"), "danger"),
    (Status.PACKED, Status.CANCELLED): (_("Cancel parcel"), "danger"),
}


def dashboard_moves(status):
    return {move for move in parcels.PARCEL_FULFILMENT.allowed_moves(status) if (status, move) in ACTIONS}


class ParcelFilterForm(forms.Form):
    """Narrows the list; every field is optional and an empty form means every parcel."""

    status = forms.ChoiceField(label=_("Status"), choices=[("", _("All")), *Status.choices], required=False)
    number = forms.CharField(label=_("Parcel or order number"), required=False, max_length=64)
    date_from = forms.DateField(label=_("Placed from"), required=False, widget=DateInput)
    date_to = forms.DateField(label=_("Placed to"), required=False, widget=DateInput)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            raise ValidationError(_("The start date must not be after the end date."))
        return cleaned

    def filter(self, queryset):
        """The queryset narrowed by the valid filters (call only on a valid form)."""
        data = self.cleaned_data
        if data["status"]:
            queryset = queryset.filter(status=data["status"])
        if number := data["number"].strip():
            queryset = queryset.filter(Q(number__icontains=number) | Q(order__number__icontains=number))
        if data["date_from"]:
            queryset = queryset.filter(date_created__date__gte=data["date_from"])
        if data["date_to"]:
            queryset = queryset.filter(date_created__date__lte=data["date_to"])
        return queryset


class ParcelMoveForm(forms.Form):
    """One step of a parcel: a move its current status allows, with what that move needs.

    ``seen_change`` is the latest history row the person had in front of them; if the
    parcel moved since (another member of staff, a webhook), they must look again.
    """

    to_status = forms.ChoiceField(
        label=_("Action"),
        error_messages={
            "invalid_choice": _("This action is no longer possible: the parcel's status has changed.")
        },
    )
    carrier = forms.CharField(label=_("Carrier"), required=False, max_length=128)
    tracking_number = forms.CharField(label=_("Tracking number"), required=False, max_length=128)
    note = forms.CharField(
        label=_("Reason or note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when cancelling; the shopper sees it in the parcel's history."),
    )
    seen_change = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, parcel, *args, **kwargs):
        self.parcel = parcel
        self.latest_change_id = latest_change_id(parcel)
        kwargs.setdefault("initial", {}).setdefault("seen_change", self.latest_change_id)
        super().__init__(*args, **kwargs)
        allowed = dashboard_moves(parcel.status)
        self.fields["to_status"].choices = [
            (value, label) for value, label in Status.choices if value in allowed
        ]

    def clean(self):
        cleaned = super().clean()
        to_status, seen = cleaned.get("to_status"), cleaned.get("seen_change")
        if seen is not None and seen != self.latest_change_id:
            raise ValidationError(_("This parcel has changed meanwhile: look at it again."), code="stale")
        if to_status:
            try:
                parcels.check_move(
                    self.parcel.status,
                    to_status,
                    cleaned.get("note", ""),
                    cleaned.get("carrier", ""),
                    cleaned.get("tracking_number", ""),
                )
            except ValidationError as refusal:
                field = {"reason_required": "note", "tracking_required": "tracking_number"}
                self.add_error(field.get(refusal.code, "to_status"), refusal)
        return cleaned

    def is_stale(self):
        """Whether the action was chosen on a page the parcel's status has moved on from."""
        return self.has_error(NON_FIELD_ERRORS, "stale") or self.has_error("to_status", "invalid_choice")

    @property
    def moves(self):
        """(status, button label, style) of each action, for one button each."""
        return [
            (status, *ACTIONS[self.parcel.status, status])
            for status, _label in self.fields["to_status"].choices
        ]

    @property
    def can_ship(self):
        return Status.SHIPPED in dict(self.fields["to_status"].choices)

    @property
    def can_cancel(self):
        return Status.CANCELLED in dict(self.fields["to_status"].choices)


def latest_change_id(parcel):
    return parcel.status_changes.order_by("-pk").values_list("pk", flat=True).first() or 0
