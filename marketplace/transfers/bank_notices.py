"""The bank's notification that money reached the account: its signature, and its body read strictly.

The bank signs the raw body with the shared ``BANK_TRANSFER["NOTIFICATION_SECRET"]``
(``X-Signature: sha256=<hex HMAC-SHA256>``). A body is either read whole or refused with the
reason (answered 400, nothing stored): a half-read credit could pay the wrong order.
"""

import hashlib
import hmac
import json
from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

from .receiving import Credit

SIGNATURE_PREFIX = "sha256="
MAX_AMOUNT = 10**13 - 1  # what IncomingTransfer.amount holds (14 digits), far above any order


class BadNotification(ValueError):
    """A notification that is not one we can read; its message says why (for the bank's developers)."""


def secret() -> str:
    return getattr(settings, "BANK_TRANSFER", {}).get("NOTIFICATION_SECRET", "") or ""


def signature_for(body: bytes, key: str) -> str:
    """The ``X-Signature`` header the bank sends with ``body``."""
    return SIGNATURE_PREFIX + hmac.new(key.encode(), body, hashlib.sha256).hexdigest()


def is_signed(body: bytes, header: str) -> bool:
    """Whether ``header`` is the body's signature with our secret (compared in constant time)."""
    key = secret()
    if not key or not header:
        return False
    return hmac.compare_digest(signature_for(body, key).encode(), header.strip().encode())


def parse(body: bytes) -> Credit:
    """The credit a signed body reports; BadNotification naming what is wrong otherwise."""
    try:
        data = json.loads(body)
    except ValueError as error:
        raise BadNotification(f"The body is not JSON: {error}") from error
    if not isinstance(data, dict):
        raise BadNotification("The body is not a JSON object.")
    if "\\u0000" in body.decode("utf-8", "replace"):
        raise BadNotification("The body contains a NUL character.")  # no database keeps it in text
    transaction_id = _text(data, "transaction_id", required=True, max_length=128)
    amount = data.get("amount")
    if type(amount) is not int or not 0 < amount <= MAX_AMOUNT:
        raise BadNotification("amount must be a positive whole number of đồng.")
    description = _text(data, "description")
    account_number = _text(data, "account_number", max_length=64)
    return Credit(
        transaction_id=transaction_id,
        amount=Decimal(amount),
        description=description,
        credited_at=_moment(data.get("credited_at")),
        account_number=account_number,
        payload=data,
    )


def _text(data, key, required=False, max_length=None):
    value = data.get(key, "")
    if not isinstance(value, str):
        raise BadNotification(f"{key} must be a string.")
    value = value.strip()
    if required and not value:
        raise BadNotification(f"{key} is missing.")
    if max_length and len(value) > max_length:
        raise BadNotification(f"{key} is longer than {max_length} characters.")
    return value


def _moment(value):
    if not isinstance(value, str):
        raise BadNotification("credited_at must be an ISO 8601 date and time.")
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError as error:
        raise BadNotification("credited_at must be an ISO 8601 date and time.") from error
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment
