"""Forms an enterprise fills in: its application, its papers and, once approved, its public profile."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from places.forms import ProvinceCommuneMixin

from .models import EnterpriseDocument, EnterpriseKind, Partner
from .validators import EXTENSIONS, normalise_phone, validate_document, validate_picture, validate_tax_code

DUPLICATE_TAX_CODE = _(
    "This tax code is already registered on the marketplace. If it is your enterprise, "
    "please contact the Department instead of applying again."
)


class PictureField(forms.FileField):
    """A logo or banner, judged by the project's picture rules rather than Django's generic ones."""

    def to_python(self, data):
        uploaded = super().to_python(data)
        if uploaded is not None:
            validate_picture(uploaded)
        return uploaded


class ContactCleaningMixin:
    def clean_phone(self):
        return normalise_phone(self.cleaned_data.get("phone"))


class ApplicationForm(ContactCleaningMixin, ProvinceCommuneMixin, forms.ModelForm):
    """The enterprise's legal identity and public face, as it applies to sell."""

    class Meta:
        model = Partner
        fields = [
            "name",
            "kind",
            "tax_code",
            "representative",
            "phone",
            "email",
            "province",
            "commune",
            "street_address",
            "story",
            "logo",
            "banner",
        ]
        labels = {"name": _("Legal name")}
        help_texts = {
            "name": _("As written on the business registration certificate."),
            "phone": _("Buyers and the Department will call this number."),
            "story": _("Who you are, where your products come from and how they are made."),
        }
        widgets = {"story": forms.Textarea(attrs={"rows": 5})}
        field_classes = {"logo": PictureField, "banner": PictureField}

    REQUIRED = ("name", "kind", "representative", "phone", "province", "commune", "street_address")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.REQUIRED:
            self.fields[name].required = True
        self.fields["tax_code"].required = False  # depends on the kind; see clean_tax_code
        self.fields["province"].empty_label = None

    def clean_tax_code(self):
        kind = self.cleaned_data.get("kind")
        if not kind:
            return self.cleaned_data.get("tax_code", "")
        tax_code = validate_tax_code(self.cleaned_data.get("tax_code"), kind)
        if tax_code and Partner.objects.filter(tax_code=tax_code).exclude(pk=self.instance.pk).exists():
            raise ValidationError(DUPLICATE_TAX_CODE, code="duplicate")
        return tax_code


class ProfileForm(ContactCleaningMixin, forms.ModelForm):
    """What an approved enterprise may change itself; its legal identity goes through the Department."""

    class Meta:
        model = Partner
        fields = ["story", "logo", "banner", "phone", "email", "street_address"]
        help_texts = ApplicationForm.Meta.help_texts
        widgets = ApplicationForm.Meta.widgets
        field_classes = ApplicationForm.Meta.field_classes

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone"].required = True
        self.fields["street_address"].required = True


class DocumentUploadForm(forms.ModelForm):
    """One paper for the Department, checked by its content before anything is stored."""

    class Meta:
        model = EnterpriseDocument
        fields = ["kind", "file"]
        help_texts = {"file": _("PDF, JPEG or PNG.")}

    def __init__(self, *args, enterprise, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.enterprise, self.user = enterprise, user
        self.fields["file"].widget.attrs["accept"] = (
            ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
        )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        self.content_type = validate_document(uploaded)
        return uploaded

    def save(self, commit=True):
        document = super().save(commit=False)
        uploaded = self.cleaned_data["file"]
        document.enterprise = self.enterprise
        document.uploaded_by = self.user
        document.original_name = (uploaded.name or "")[-255:] or "document"
        document.content_type = self.content_type
        document.size = uploaded.size
        # The stored name takes the extension of what the file is, not of what it was called.
        uploaded.name = f"document.{EXTENSIONS[self.content_type]}"
        document.file = uploaded
        if commit:
            document.save()
        return document


def needs_registration_certificate(enterprise):
    """Every kind of enterprise but a cooperative group holds a business registration certificate."""
    return enterprise.kind != EnterpriseKind.COOPERATIVE_GROUP
