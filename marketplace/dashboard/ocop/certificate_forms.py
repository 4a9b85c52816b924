"""The enterprise's record of an OCOP recognition, checked against the programme's rules before saving."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from catalogue import ocop
from marketplace.dashboard.enterprises.forms import DateInput

from .fields import PaperField, ProductsChoiceField
from .scope import own_products

OcopCertificate = get_model("catalogue", "OcopCertificate")

STARS_ONLY = _("Only 3, 4 and 5 stars are OCOP recognitions.")


class CertificateForm(forms.ModelForm):
    """Decision, stars, validity, the enterprise's own products it covers, and the scan.

    ``enterprise`` limits the products offered and accepted to the enterprise's own.
    """

    products = ProductsChoiceField(
        label=_("Products it covers"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        error_messages={
            "invalid_choice": _("Choose only products your enterprise sells."),
            "required": _("Choose at least one product this decision recognises."),
        },
    )
    scan = PaperField(
        label=_("Scan of the decision"),
        help_text=_("PDF, JPEG or PNG of the signed decision; the Department checks it."),
    )

    class Meta:
        model = OcopCertificate
        fields = [
            "decision_number",
            "decision_date",
            "issuer",
            "stars",
            "score",
            "evaluation",
            "valid_until",
            "products",
            "scan",
        ]
        widgets = {
            "decision_date": DateInput,
            "valid_until": DateInput,
            "score": forms.NumberInput(attrs={"step": "0.01", "min": "0", "max": "100"}),
        }
        error_messages = {"stars": {"invalid_choice": STARS_ONLY}}

    def __init__(self, *args, enterprise, **kwargs):
        super().__init__(*args, **kwargs)
        self.enterprise = enterprise
        self.fields["products"].queryset = own_products(enterprise).order_by("title")
        self.fields["scan"].required = not self.instance.scan

    def clean_decision_number(self):
        number = self.cleaned_data["decision_number"].strip()
        recorded = (
            OcopCertificate.objects.filter(enterprise=self.enterprise, decision_number__iexact=number)
            .exclude(pk=self.instance.pk)
            .exclude(status=OcopCertificate.Status.REJECTED)
        )
        if recorded.exists():
            raise ValidationError(
                _("Your enterprise has already recorded decision %(number)s."),
                code="duplicate_decision",
                params={"number": number},
            )
        return number

    def clean(self):
        cleaned = super().clean()
        if "decision_date" not in cleaned or "stars" not in cleaned:
            return cleaned  # their own errors say what is wrong
        try:
            ocop.check_certificate(
                cleaned["decision_date"], cleaned.get("valid_until"), cleaned["stars"], cleaned.get("score")
            )
        except ValidationError as refusal:
            for field, errors in refusal.error_dict.items():
                if field not in self.errors:
                    self.add_error(field, errors)
        return cleaned
