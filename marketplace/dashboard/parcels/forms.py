"""Forms of the parcels dashboard: narrowing the list, and moving one parcel on."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from marketplace.dashboard.decisions import BaseDecisionForm
from marketplace.dashboard.enterprises.forms import DateInput
from marketplace.dashboard.queues import DateRangeMixin
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


class ParcelFilterForm(DateRangeMixin, forms.Form):
    """Narrows the list; every field is optional and an empty form means every parcel."""

    status = forms.ChoiceField(label=_("Status"), choices=[("", _("All")), *Status.choices], required=False)
    number = forms.CharField(label=_("Parcel or order number"), required=False, max_length=64)
    date_from = forms.DateField(label=_("Placed from"), required=False, widget=DateInput)
    date_to = forms.DateField(label=_("Placed to"), required=False, widget=DateInput)

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


class ParcelMoveForm(BaseDecisionForm):
    """One step of a parcel: a move its current status allows, with what that move needs.

    Staff, the enterprise and webhooks all move parcels: a page that has moved on since is refused.
    """

    workflow = parcels.PARCEL_FULFILMENT
    stale_message = _("This parcel has changed meanwhile: look at it again.")
    reason_field = "note"
    error_fields = {"reason_required": "note", "tracking_required": "tracking_number"}
    actions = ACTIONS

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

    def extras(self, cleaned):
        return {"carrier": cleaned.get("carrier", ""), "tracking_number": cleaned.get("tracking_number", "")}

    @property
    def can_ship(self):
        return Status.SHIPPED in dict(self.fields["to_status"].choices)

    @property
    def can_cancel(self):
        return Status.CANCELLED in dict(self.fields["to_status"].choices)
