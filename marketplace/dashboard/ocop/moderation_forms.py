"""Forms of listing moderation: the reviewers' listing search, their decision on one listing, and the
enterprise's request for a review once it has corrected a hidden listing."""

from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from catalogue import moderation
from catalogue.models import HidingReason, ListingStatus
from marketplace.dashboard.decisions import BaseDecisionForm

from .review_forms import ACTED_MEANWHILE, ALL, STALE

StockRecord = get_model("partner", "StockRecord")

# What a reviewer's button says for each move, and its Bootstrap colour.
REVIEWER_ACTIONS = {
    (ListingStatus.LISTED, ListingStatus.HIDDEN): (_("Hide the listing"), "danger"),
    (ListingStatus.HIDDEN, ListingStatus.LISTED): (_("Restore the listing"), "success"),
    (ListingStatus.CORRECTION_SUBMITTED, ListingStatus.LISTED): (_("Restore the listing"), "success"),
    (ListingStatus.CORRECTION_SUBMITTED, ListingStatus.HIDDEN): (_("Keep hidden"), "danger"),
}
ENTERPRISE_ACTIONS = {
    (ListingStatus.HIDDEN, ListingStatus.CORRECTION_SUBMITTED): (
        _("I have corrected it — ask for review"),
        "primary",
    ),
}


class ListingFilterForm(forms.Form):
    """Narrows the reviewers' listing search; every field is optional."""

    status = forms.ChoiceField(label=_("Listing"), choices=ALL + ListingStatus.choices, required=False)
    text = forms.CharField(
        label=_("Title, UPC or enterprise"),
        max_length=100,
        required=False,
        help_text=_("Part of the title, the UPC or the enterprise's name."),
    )

    def filter(self, products):
        data = self.cleaned_data
        if data["status"]:
            products = products.filter(listing_status=data["status"])
        text = data["text"].strip()
        if text:
            # Exists, not a join: a product several enterprises stock is listed once.
            seller = StockRecord.objects.filter(product=OuterRef("pk"), partner__name__icontains=text)
            products = products.filter(Q(title__icontains=text) | Q(upc__icontains=text) | Exists(seller))
        return products


class ListingDecisionForm(BaseDecisionForm):
    """Hide, restore or keep hidden one listing; hiding needs its category and a written reason."""

    workflow = moderation.LISTING_MODERATION
    stale_message = ACTED_MEANWHILE
    error_fields = {"reason_required": "reason", "category_required": "category"}
    actions = REVIEWER_ACTIONS

    to_status = forms.ChoiceField(label=_("Decision"), error_messages={"invalid_choice": STALE})
    category = forms.ChoiceField(
        label=_("Reason category"), choices=[("", "—")] + HidingReason.choices, required=False
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when hiding or keeping hidden; the enterprise sees it."),
    )

    def extras(self, cleaned):
        return {"category": cleaned.get("category") or ""}

    @property
    def decision_fields(self):
        return [self["category"], self["reason"]]


class CorrectionForm(BaseDecisionForm):
    """The enterprise's word that it corrected a hidden listing, asking the Department to look again."""

    workflow = moderation.LISTING_MODERATION
    stale_message = ACTED_MEANWHILE
    reason_field = "note"
    error_fields = {"reason_required": "note"}
    actions = ENTERPRISE_ACTIONS

    to_status = forms.ChoiceField(
        label=_("Decision"),
        required=False,
        error_messages={"invalid_choice": _("This listing is not hidden: there is nothing to ask.")},
    )
    note = forms.CharField(
        label=_("What you corrected"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The Department reads it before deciding."),
    )

    def __init__(self, product, data=None, **kwargs):
        if data is not None:
            # One button, one move: the form always asks for the review.
            data = data.copy()
            data["to_status"] = ListingStatus.CORRECTION_SUBMITTED
        super().__init__(product, data, **kwargs)

    def clean(self):
        cleaned = super().clean()
        if self.has_error("note", "reason_required"):
            self.errors["note"] = self.error_class([_("Please say what you corrected.")])
        return cleaned
