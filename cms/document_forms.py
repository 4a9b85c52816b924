"""Wagtail's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE), checking what is uploaded.

Wagtail itself only looks at the file's name. Its single and multiple upload views both build
their forms on this one, so neither stores a file the check refuses.
"""

from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm

from .document_checks import check_document_file


class CheckedDocumentForm(BaseDocumentForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        # A newly uploaded file only: an edit keeping the stored file has nothing to check.
        if isinstance(uploaded, UploadedFile):
            check_document_file(uploaded)
        return uploaded
