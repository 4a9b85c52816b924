"""What a Wagtail document may be: the rule the enterprise papers follow, and a name that says so.

Documents are public downloads, served with the type their name gives (Wagtail guesses it from
the extension): a program renamed ``.pdf`` must not be published, and a picture named ``.pdf``
would reach visitors as a broken PDF.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from vendors.validators import JPEG, PDF, PNG, validate_document

# The extensions that say what each accepted content is (WAGTAILDOCS_EXTENSIONS lists them all).
EXTENSIONS = {PDF: ("pdf",), JPEG: ("jpg", "jpeg"), PNG: ("png",)}
KINDS = {PDF: "PDF", JPEG: "JPEG", PNG: "PNG"}


def extension_of(name):
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def check_document_file(uploaded_file):
    """Accept a PDF, JPEG or PNG file, judged by its content, whose name ends as that content
    says; return its content type. Raise ``ValidationError`` with a message the editor can act on.
    """
    content_type = validate_document(uploaded_file)
    expected = EXTENSIONS[content_type]
    if extension_of(uploaded_file.name) not in expected:
        raise ValidationError(
            _(
                "This file is a %(kind)s, but its name says otherwise. "
                "Rename it to end in “.%(extension)s” and upload it again."
            )
            % {"kind": KINDS[content_type], "extension": expected[0]},
            code="extension_mismatch",
        )
    return content_type
