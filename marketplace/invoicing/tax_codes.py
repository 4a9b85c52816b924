"""A buyer's tax code on an invoice: an enterprise's MST, a branch's, or an individual's ID number.

An enterprise code is 10 digits whose last is a check digit, a branch adds ``-`` and three digits
(never 000); both are checked with python-stdnum. Since 1 Jul 2025 individuals and household
businesses use their 12-digit personal identification number, which has no public checksum:
only its shape is checked.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import exceptions as stdnum_errors
from stdnum.vn import mst


def buyer_tax_code(value):
    """The tax code as an invoice prints it (``0312687878``, ``0312687878-001``, 12 digits), or a refusal."""
    digits = "".join(ch for ch in str(value) if ch.isdigit())
    if len(digits) == 12 and digits == "".join(str(value).split()):
        return digits
    try:
        number = mst.validate(value)
    except stdnum_errors.InvalidChecksum as error:
        raise ValidationError(
            _("This tax code's check digit is wrong: please copy it again from the registration."),
            code="checksum",
        ) from error
    except stdnum_errors.ValidationError as error:
        raise ValidationError(
            _(
                "Please enter a tax code of 10 digits, a branch code such as 0312687878-001, "
                "or a personal identification number of 12 digits."
            ),
            code="invalid",
        ) from error
    return number if len(number) == 10 else f"{number[:10]}-{number[10:]}"
