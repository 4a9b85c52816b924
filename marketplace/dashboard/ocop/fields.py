"""Form fields shared by the enterprise's OCOP and traceability forms."""

from django import forms

from vendors.validators import EXTENSIONS, validate_document


class PaperField(forms.FileField):
    """A scanned paper (PDF, JPEG or PNG), judged by its content like an enterprise's registration papers.

    The stored name takes the extension of what the file is, never of what it was called.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}))
        super().__init__(*args, **kwargs)

    def to_python(self, data):
        uploaded = super().to_python(data)
        if uploaded is not None:
            uploaded.name = f"paper.{EXTENSIONS[validate_document(uploaded)]}"
        return uploaded


class ProductChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, product):
        return product.get_title()


class ProductsChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, product):
        return product.get_title()
