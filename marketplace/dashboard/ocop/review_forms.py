"""Forms of the Department's verification work: narrowing the certificate queue, deciding on one
certificate, and deciding on a product's origin. Each decision carries the latest history row the
reviewer saw, so a decision made on a page someone has since acted on is refused (stale)."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from catalogue import ocop, origin
from catalogue.models import ClaimStatus
from marketplace.dashboard.enterprises.forms import DateInput

OcopCertificate = get_model("catalogue", "OcopCertificate")
Partner = get_model("partner", "Partner")
Status = OcopCertificate.Status

ALL = [("", _("All"))]
STALE = _("This decision is no longer possible: reload the page to see the current status.")

# What a reviewer's button says for each move, and its Bootstrap colour.
ACTIONS = {
    Status.VERIFIED: (_("Verify"), "success"),
    Status.REJECTED: (_("Reject"), "danger"),
    Status.REVOKED: (_("Revoke"), "danger"),
    Status.SUPERSEDED: (_("Mark as superseded"), "secondary"),
}


# Which field a refused move's message belongs to.
FIELD_OF = {"reason_required": "reason", "successor_required": "successor", "move_not_allowed": "to_status"}


class EnterpriseChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, enterprise):
        return enterprise.name


class CertificateFilterForm(forms.Form):
    """Narrows the queue; every field is optional and an empty form means the whole queue."""

    status = forms.ChoiceField(label=_("Status"), choices=ALL + Status.choices, required=False)
    stars = forms.TypedChoiceField(
        label=_("Stars"), choices=ALL + [(3, "3★"), (4, "4★"), (5, "5★")], coerce=int, required=False
    )
    enterprise = EnterpriseChoiceField(
        label=_("Enterprise"),
        queryset=Partner.objects.filter(ocop_certificates__isnull=False).distinct().order_by("name"),
        required=False,
        empty_label=_("All"),
    )
    number = forms.CharField(label=_("Decision number"), required=False)
    decided_from = forms.DateField(label=_("Decided from"), required=False, widget=DateInput)
    decided_to = forms.DateField(label=_("Decided to"), required=False, widget=DateInput)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("decided_from"), cleaned.get("decided_to")
        if start and end and start > end:
            raise ValidationError(_("The start date must not be after the end date."))
        return cleaned

    def filter(self, certificates):
        """The queryset narrowed by the valid filters (call only on a valid form)."""
        data = self.cleaned_data
        if data["status"]:
            certificates = certificates.filter(status=data["status"])
        if data["stars"]:
            certificates = certificates.filter(stars=data["stars"])
        if data["enterprise"]:
            certificates = certificates.filter(enterprise=data["enterprise"])
        if data["number"]:
            certificates = certificates.filter(decision_number__icontains=data["number"].strip())
        if data["decided_from"]:
            certificates = certificates.filter(decision_date__gte=data["decided_from"])
        if data["decided_to"]:
            certificates = certificates.filter(decision_date__lte=data["decided_to"])
        return certificates


class StaleCheckMixin:
    """``seen_change`` is the latest history row the reviewer had in front of them."""

    def check_not_stale(self, cleaned):
        seen = cleaned.get("seen_change")
        if seen is not None and seen != self.latest_change_id:
            raise ValidationError(
                _("Someone acted on this meanwhile: look at it again before deciding."), code="stale"
            )

    def is_stale(self):
        """Whether the decision was made on a page that has moved on since."""
        return self.has_error(NON_FIELD_ERRORS, "stale") or self.has_error("to_status", "invalid_choice")


class CertificateDecisionForm(StaleCheckMixin, forms.Form):
    """Verify, reject, revoke or supersede one certificate, with the reason the move needs."""

    to_status = forms.ChoiceField(label=_("Decision"), error_messages={"invalid_choice": STALE})
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when rejecting or revoking; the enterprise sees it."),
    )
    successor = forms.ModelChoiceField(
        label=_("Replaced by"),
        queryset=OcopCertificate.objects.none(),
        required=False,
        help_text=_("When superseding: the enterprise's verified re-evaluation or upgrade."),
    )
    seen_change = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, certificate, *args, **kwargs):
        self.certificate = certificate
        self.latest_change_id = latest_change_id(certificate.status_changes)
        kwargs.setdefault("initial", {}).setdefault("seen_change", self.latest_change_id)
        super().__init__(*args, **kwargs)
        allowed = ocop.CERTIFICATE_VERIFICATION.allowed_moves(certificate.status)
        self.fields["to_status"].choices = [
            (value, label) for value, label in Status.choices if value in allowed
        ]
        self.fields["successor"].queryset = successors(certificate)

    def clean(self):
        cleaned = super().clean()
        self.check_not_stale(cleaned)
        if cleaned.get("to_status"):
            try:
                ocop.check_move(
                    self.certificate.status,
                    cleaned["to_status"],
                    cleaned.get("reason", ""),
                    cleaned.get("successor"),
                    certificate=self.certificate,
                )
            except ValidationError as refusal:
                self.add_error(FIELD_OF.get(refusal.code, "to_status"), refusal)
        return cleaned

    @property
    def moves(self):
        """(status, button label, style) of each allowed move, for one button each."""
        return [(status, *ACTIONS[status]) for status, _label in self.fields["to_status"].choices]


def successors(certificate):
    """What may replace a certificate: another verified one of the same enterprise, decided later."""
    return (
        OcopCertificate.objects.filter(
            enterprise_id=certificate.enterprise_id,
            status=Status.VERIFIED,
            decision_date__gt=certificate.decision_date,
        )
        .exclude(pk=certificate.pk)
        .order_by("-decision_date")
    )


class OriginFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Origin"), choices=ALL + ClaimStatus.choices, required=False)
    enterprise = EnterpriseChoiceField(
        label=_("Enterprise"),
        queryset=Partner.objects.approved().order_by("name"),
        required=False,
        empty_label=_("All"),
    )
    title = forms.CharField(label=_("Product"), required=False)

    def filter(self, products):
        data = self.cleaned_data
        if data["status"]:
            products = products.filter(origin_status=data["status"])
        if data["enterprise"]:
            products = products.filter(stockrecords__partner=data["enterprise"])
        if data["title"]:
            products = products.filter(title__icontains=data["title"].strip())
        return products


class OriginDecisionForm(StaleCheckMixin, forms.Form):
    """The Department's view of a product's origin, and whether it is a specialty of the province."""

    to_status = forms.ChoiceField(label=_("Origin"), choices=ClaimStatus.choices, widget=forms.RadioSelect)
    is_provincial_specialty = forms.BooleanField(label=_("Specialty of the province"), required=False)
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when the origin is not confirmed; the enterprise sees it."),
    )
    seen_change = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, product, *args, **kwargs):
        self.product = product
        self.latest_change_id = latest_change_id(product.origin_decisions)
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("seen_change", self.latest_change_id)
        initial.setdefault("to_status", product.origin_status)
        initial.setdefault("is_provincial_specialty", product.is_provincial_specialty)
        super().__init__(*args, **kwargs)
        reachable = origin.MOVES[product.origin_status] | {product.origin_status}
        self.fields["to_status"].choices = [
            (value, label) for value, label in ClaimStatus.choices if value in reachable
        ]

    def clean(self):
        cleaned = super().clean()
        self.check_not_stale(cleaned)
        if "to_status" in cleaned:
            try:
                origin.check_decision(
                    self.product,
                    cleaned["to_status"],
                    cleaned.get("is_provincial_specialty"),
                    cleaned.get("reason", ""),
                )
            except ValidationError as refusal:
                self.add_error("reason" if refusal.code == "reason_required" else None, refusal)
        return cleaned


def latest_change_id(history):
    return history.order_by("-pk").values_list("pk", flat=True).first() or 0
