"""Forms of the Department's verification work: narrowing the certificate queue, deciding on one
certificate, and deciding on a product's origin (each a :class:`BaseDecisionForm`)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from catalogue import ocop, origin
from catalogue.models import ClaimStatus
from marketplace.dashboard.decisions import BaseDecisionForm
from marketplace.dashboard.enterprises.forms import DateInput
from marketplace.dashboard.queues import DateRangeMixin

OcopCertificate = get_model("catalogue", "OcopCertificate")
Partner = get_model("partner", "Partner")
Status = OcopCertificate.Status

ALL = [("", _("All"))]
STALE = _("This decision is no longer possible: reload the page to see the current status.")
ACTED_MEANWHILE = _("Someone acted on this meanwhile: look at it again before deciding.")

# What a reviewer's button says for each move, and its Bootstrap colour.
ACTIONS = {
    (Status.PENDING, Status.VERIFIED): (_("Verify"), "success"),
    (Status.PENDING, Status.REJECTED): (_("Reject"), "danger"),
    (Status.VERIFIED, Status.REVOKED): (_("Revoke"), "danger"),
    (Status.VERIFIED, Status.SUPERSEDED): (_("Mark as superseded"), "secondary"),
}


class EnterpriseChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, enterprise):
        return enterprise.name


class CertificateFilterForm(DateRangeMixin, forms.Form):
    """Narrows the queue; every field is optional and an empty form means the whole queue."""

    date_range = ("decided_from", "decided_to")

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


class CertificateDecisionForm(BaseDecisionForm):
    """Verify, reject, revoke or supersede one certificate, with the reason the move needs."""

    workflow = ocop.CERTIFICATE_VERIFICATION
    stale_message = ACTED_MEANWHILE
    error_fields = {"reason_required": "reason", "successor_required": "successor"}
    actions = ACTIONS

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

    def __init__(self, certificate, *args, **kwargs):
        super().__init__(certificate, *args, **kwargs)
        self.fields["successor"].queryset = successors(certificate)

    def extras(self, cleaned):
        return {"superseded_by": cleaned.get("successor")}

    @property
    def decision_fields(self):
        """The reason, and the successor when there is one to choose (or a refusal to show by it)."""
        successor = self["successor"]
        if successor.field.queryset.exists() or successor.errors:
            return [self["reason"], successor]
        return [self["reason"]]


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


class OriginDecisionForm(BaseDecisionForm):
    """The Department's view of a product's origin, and whether it is a specialty of the province.

    Keeping the status is offered too: a decision may change only the specialty flag.
    """

    workflow = origin.ORIGIN_CLAIMS
    stale_message = ACTED_MEANWHILE
    error_fields = {"reason_required": "reason"}
    refusal_field = None

    to_status = forms.ChoiceField(label=_("Origin"), choices=ClaimStatus.choices, widget=forms.RadioSelect)
    is_provincial_specialty = forms.BooleanField(label=_("Specialty of the province"), required=False)
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when the origin is not confirmed; the enterprise sees it."),
    )

    def __init__(self, product, *args, **kwargs):
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("to_status", product.origin_status)
        initial.setdefault("is_provincial_specialty", product.is_provincial_specialty)
        super().__init__(product, *args, **kwargs)

    def offered_moves(self, status):
        return self.workflow.allowed_moves(status) | {status}

    def extras(self, cleaned):
        return {"is_provincial_specialty": cleaned.get("is_provincial_specialty")}
