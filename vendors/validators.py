"""Checks on what an enterprise types and uploads when it applies.

Each raises ``ValidationError`` with a message the applicant can act on and a
``code`` tests and views can rely on; the ones that normalise return the
canonical value to store.
"""

import warnings

import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError
from stdnum import exceptions as stdnum_errors
from stdnum.vn import mst

from .models import EnterpriseKind

DOCUMENT_MAX_BYTES = 10 * 1024 * 1024
PICTURE_MAX_BYTES = 5 * 1024 * 1024
PICTURE_MAX_SIDE = 6000

PDF, JPEG, PNG, WEBP = "application/pdf", "image/jpeg", "image/png", "image/webp"
EXTENSIONS = {PDF: "pdf", JPEG: "jpg", PNG: "png", WEBP: "webp"}


# --- Tax code ------------------------------------------------------------------------------


def validate_tax_code(value, kind):
    """Return the tax code in its canonical form (``0123456789`` or ``0123456789-001``).

    Companies and cooperatives have an enterprise code (MST) with a check
    digit; household businesses may give the owner's 12-digit personal ID
    instead (no public checksum); cooperative groups may have none.
    """
    value = (value or "").strip()
    if not value:
        if kind == EnterpriseKind.COOPERATIVE_GROUP:
            return ""
        raise ValidationError(_("Please enter the tax code."), code="required")
    digits = mst.compact(value)
    if len(digits) == 12 and digits.isdigit():
        if kind == EnterpriseKind.HOUSEHOLD:
            return digits
        raise ValidationError(
            _(
                "A 12-digit personal identification number is accepted only for a household business; "
                "please enter the enterprise's 10-digit tax code."
            ),
            code="personal_id_not_allowed",
        )
    return _validate_enterprise_code(value, kind)


def _validate_enterprise_code(value, kind):
    digits = mst.compact(value)
    if kind == EnterpriseKind.HOUSEHOLD:
        shape_message = _(
            "Enter the 10-digit tax code or the owner's 12-digit personal identification number, digits only."
        )
    else:
        shape_message = _(
            "A tax code has 10 digits, or 10 digits, a dash and 3 digits for a branch (0123456789-001)."
        )
    if not digits.isdigit() or len(digits) not in (10, 13):
        raise ValidationError(shape_message, code="invalid_format")
    if len(digits) == 13 and kind == EnterpriseKind.HOUSEHOLD:
        raise ValidationError(shape_message, code="invalid_format")
    if len(digits) == 13 and digits[10:] == "000":
        raise ValidationError(
            _("A branch code ends with a number from 001 to 999, never 000."), code="invalid_branch"
        )
    try:
        mst.validate(digits)
    except stdnum_errors.InvalidChecksum:
        raise ValidationError(
            _(
                "This tax code's check digit is wrong: please copy it again from the business "
                "registration certificate."
            ),
            code="invalid_check_digit",
        )
    except stdnum_errors.ValidationError:
        raise ValidationError(_("This is not a valid Vietnamese tax code."), code="invalid")
    return mst.format(digits)


# --- Phone ---------------------------------------------------------------------------------


def normalise_phone(value):
    """Return a Vietnamese phone number in E.164 (``+84912345678``), or "" when none was given."""
    value = (value or "").strip()
    if not value:
        return ""
    message = _("Please enter a valid Vietnamese phone number, for example 0912 345 678.")
    try:
        number = phonenumbers.parse(value, "VN")
    except phonenumbers.NumberParseException:
        raise ValidationError(message, code="invalid_phone")
    if not phonenumbers.is_valid_number(number) or phonenumbers.region_code_for_number(number) != "VN":
        raise ValidationError(message, code="invalid_phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


# --- Files ---------------------------------------------------------------------------------


def sniff_content_type(uploaded_file):
    """The type the file's first bytes say it is, whatever its name claims; None if unknown."""
    uploaded_file.seek(0)
    head = uploaded_file.read(16)
    uploaded_file.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    return None


def _check_size(uploaded_file, max_bytes):
    if not uploaded_file.size:
        raise ValidationError(_("The file is empty."), code="empty")
    if uploaded_file.size > max_bytes:
        raise ValidationError(
            _("The file is too large (%(size)s); the limit is %(limit)s.")
            % {"size": filesizeformat(uploaded_file.size), "limit": filesizeformat(max_bytes)},
            code="too_large",
        )


def _open_image(uploaded_file):
    """Open and fully decode the image, refusing corrupt files and decompression bombs."""
    corrupt = ValidationError(
        _("This image is damaged or incomplete and cannot be opened. Please export it again and retry."),
        code="corrupt_image",
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            uploaded_file.seek(0)
            with Image.open(uploaded_file) as image:
                size = image.size
                image.verify()
            if max(size) <= PICTURE_MAX_SIDE:
                # verify() does not decode pixels; a truncated JPEG only shows when loaded.
                uploaded_file.seek(0)
                with Image.open(uploaded_file) as image:
                    image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            _("This image has too many pixels to be processed safely."), code="too_many_pixels"
        )
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise corrupt
    finally:
        uploaded_file.seek(0)
    return size


def validate_document(uploaded_file):
    """Accept a business registration certificate (PDF, JPEG or PNG); return its content type.

    The type is judged by the file's content, never by its name: a renamed
    program must not reach the Department's reviewers.
    """
    max_bytes = getattr(settings, "ENTERPRISE_DOCUMENT_MAX_BYTES", DOCUMENT_MAX_BYTES)
    _check_size(uploaded_file, max_bytes)
    content_type = sniff_content_type(uploaded_file)
    if content_type not in (PDF, JPEG, PNG):
        raise ValidationError(_("The document must be a PDF, JPEG or PNG file."), code="unsupported_type")
    if content_type != PDF:
        _open_image(uploaded_file)
    return content_type


def validate_picture(uploaded_file):
    """Accept a logo or banner (JPEG, PNG or WebP, at most 5 MB and 6000 by 6000 pixels); return its type."""
    max_bytes = getattr(settings, "ENTERPRISE_PICTURE_MAX_BYTES", PICTURE_MAX_BYTES)
    _check_size(uploaded_file, max_bytes)
    content_type = sniff_content_type(uploaded_file)
    if content_type not in (JPEG, PNG, WEBP):
        raise ValidationError(_("The picture must be a JPEG, PNG or WebP image."), code="unsupported_type")
    width, height = _open_image(uploaded_file)
    if width > PICTURE_MAX_SIDE or height > PICTURE_MAX_SIDE:
        raise ValidationError(
            _("The picture is %(width)s by %(height)s pixels; the limit is %(limit)s by %(limit)s.")
            % {"width": width, "height": height, "limit": PICTURE_MAX_SIDE},
            code="too_many_pixels",
        )
    return content_type
