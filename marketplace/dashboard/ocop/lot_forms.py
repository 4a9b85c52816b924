"""A traceability lot as the enterprise writes it: the lot, its ordered steps and its certifications.

The three forms are validated together and saved in one transaction by the
views, so a refused step or certification leaves nothing half-saved.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from oscar.core.loading import get_model

from catalogue import traceability
from marketplace.dashboard.enterprises.forms import CommuneChoiceField, DateInput
from marketplace.formsets import bounded

from .fields import PaperField, ProductChoiceField
from .scope import own_products

LotCertification = get_model("catalogue", "LotCertification")
LotStep = get_model("catalogue", "LotStep")
Commune = get_model("places", "Commune")
Lot = get_model("catalogue", "Lot")

# A lot's journey from field to package, and the certificates of its tests: a few of each.
STEPS = 50
CERTIFICATIONS = 20


class LotForm(forms.ModelForm):
    """The lot itself. A revision of a published lot keeps its product and lot code."""

    product = ProductChoiceField(
        label=_("Product"),
        queryset=None,
        error_messages={"invalid_choice": _("Choose one of the products your enterprise sells.")},
    )
    area_commune = CommuneChoiceField(
        label=_("Production area (commune or ward)"), queryset=None, required=False
    )

    class Meta:
        model = Lot
        fields = [
            "product",
            "lot_code",
            "production_date",
            "best_before",
            "area_commune",
            "area_code",
            "quantity",
        ]
        widgets = {"production_date": DateInput, "best_before": DateInput}
        help_texts = {
            "lot_code": _("As printed on the packaging, e.g. NM2507-01."),
            "area_code": _("The growing or farming area code, if it has one."),
            "quantity": _("e.g. 500 bottles of 500 ml."),
        }

    def __init__(self, *args, enterprise, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = own_products(enterprise).order_by("title")
        self.fields["area_commune"].queryset = Commune.objects.filter(
            province__code=settings.MARKETPLACE_PROVINCE_CODE
        ).order_by("name")
        if self.is_revision:
            for name in ("product", "lot_code"):
                self.fields[name].disabled = True
                self.fields[name].help_text = _("A revision keeps the lot's product and code.")

    @property
    def is_revision(self):
        return self.instance.pk is not None and self.instance.revision > 1

    def clean_lot_code(self):
        lot_code = self.cleaned_data["lot_code"].strip()
        traceability.check_lot_code(lot_code)
        return lot_code

    def clean(self):
        cleaned = super().clean()
        try:
            traceability.check_lot_dates(cleaned.get("production_date"), cleaned.get("best_before"))
        except ValidationError as refusal:
            self.add_error(None, refusal)
        product, lot_code = cleaned.get("product"), cleaned.get("lot_code")
        if product and lot_code and not self.is_revision:
            editing = self.instance if self.instance.pk else None
            try:
                traceability.check_new_lot(product, lot_code, exclude=editing)
            except ValidationError as refusal:
                self.add_error(None, refusal)
        return cleaned


class StepForm(forms.ModelForm):
    class Meta:
        model = LotStep
        fields = ["event", "date", "place", "actor"]
        widgets = {"date": DateInput}
        help_texts = {"event": _("e.g. growing, harvesting, processing, packing, testing.")}

    def clean_date(self):
        date = self.cleaned_data["date"]
        traceability.check_step_date(date)
        return date


class CertificationForm(forms.ModelForm):
    document = PaperField(label=pgettext_lazy("papers", "Document"), required=False)

    class Meta:
        model = LotCertification
        fields = ["scheme", "number", "issuer", "valid_until", "document"]
        widgets = {"valid_until": DateInput}


class BaseStepFormSet(forms.BaseInlineFormSet):
    """Steps in the order the enterprise gives them (the “order” column), then as listed."""

    def save_in_order(self, lot):
        for form in self.deleted_forms:
            if form.instance.pk:
                form.instance.delete()
        for position, form in enumerate(self.ordered_forms, start=1):
            step = form.save(commit=False)
            step.lot, step.position = lot, position
            step.save()


StepFormSet = bounded(
    inlineformset_factory(
        Lot,
        LotStep,
        form=StepForm,
        formset=BaseStepFormSet,
        extra=2,
        can_delete=True,
        can_order=True,
    ),
    rows=STEPS,
)

CertificationFormSet = bounded(
    inlineformset_factory(
        Lot,
        LotCertification,
        form=CertificationForm,
        extra=1,
        can_delete=True,
    ),
    rows=CERTIFICATIONS,
)


class ReviseForm(forms.Form):
    change_note = forms.CharField(
        label=_("What changes"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown on the public page next to the new revision, e.g. “Corrected the harvest date”."),
        error_messages={"required": _("Please say what changes in this revision.")},
    )
