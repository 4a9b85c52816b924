"""GTIN check digits (GS1 mod 10) and the GS1 Digital Link path of a lot."""

from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def gtin_check_digit(body):
    """The check digit for the digits before it: weights 3, 1, 3, ... from the right."""
    total = sum(int(digit) * (3 if position % 2 == 0 else 1) for position, digit in enumerate(reversed(body)))
    return str((10 - total % 10) % 10)


def is_valid_gtin(value):
    return value.isdigit() and len(value) in (8, 12, 13, 14) and gtin_check_digit(value[:-1]) == value[-1]


def validate_gtin(value):
    if not is_valid_gtin(value):
        raise ValidationError(
            _(
                "%(value)s is not a valid GTIN: it needs 8, 12, 13 or 14 digits "
                "ending in the right check digit."
            ),
            code="invalid_gtin",
            params={"value": value},
        )


def gtin14(value):
    """GS1 Digital Link always uses the 14-digit form."""
    return value.zfill(14)


def digital_link_path(gtin, lot):
    return f"/01/{gtin14(gtin)}/10/{quote(lot, safe='')}"
