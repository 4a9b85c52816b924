"""The buyer's VAT invoice request at checkout, and the enterprise's record of the invoice it issued."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import InvoiceRequest, IssuedInvoice
from .tax_codes import buyer_tax_code

SERIES = re.compile(r"[CK][0-9]{2}[TDLMNBGH][A-Z0-9]{2}")


class InvoiceRequestForm(forms.ModelForm):
    class Meta:
        model = InvoiceRequest
        fields = ["buyer_name", "tax_code", "address", "email"]
        help_texts = {
            "tax_code": _("10 digits (a branch adds -001), or a personal ID number of 12 digits."),
        }

    def clean_buyer_name(self):
        return " ".join(self.cleaned_data["buyer_name"].split())

    def clean_tax_code(self):
        return buyer_tax_code(self.cleaned_data["tax_code"])


class IssuedInvoiceForm(forms.ModelForm):
    lookup_url = forms.URLField(label=_("lookup address"), required=False, assume_scheme="https")

    class Meta:
        model = IssuedInvoice
        fields = ["template", "series", "number", "issued_on", "lookup_code", "lookup_url"]
        widgets = {
            "template": forms.Select(choices=[("1", _("1: VAT invoice")), ("2", _("2: sales invoice"))]),
            "issued_on": forms.DateInput(attrs={"type": "date"}),
        }

    def clean_template(self):
        template = self.cleaned_data["template"]
        if template not in ("1", "2"):
            raise forms.ValidationError(_("Choose 1 (VAT invoice) or 2 (sales invoice)."), code="template")
        return template

    def clean_series(self):
        series = self.cleaned_data["series"].strip().upper()
        if not SERIES.fullmatch(series):
            raise forms.ValidationError(
                _("The series has six characters such as C26TAA: C or K, the year, a letter, two more."),
                code="series",
            )
        return series

    def clean_number(self):
        number = self.cleaned_data["number"]
        if not 1 <= number <= 99_999_999:
            raise forms.ValidationError(_("An invoice number has one to eight digits."), code="number")
        return number
