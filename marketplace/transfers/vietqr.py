"""The VietQR code of a bank transfer: NAPAS 247's EMVCo merchant-presented payload.

Every banking app in Viet Nam reads it and fills in the transfer: the bank (its 6-digit BIN), the
account, the amount in whole đồng and the purpose, which carries the order's reference. Each field
is ID (2 digits), length (2 digits) and value; the payload ends with a CRC-16/CCITT-FALSE over
everything before it, "6304" included, so a mistyped or damaged code is refused by the app.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

PAYLOAD_FORMAT = "01"
DYNAMIC = "12"  # one payment, for one order (a static code would be "11")
NAPAS_GUID = "A000000727"
TO_ACCOUNT = "QRIBFTTA"  # NAPAS 247 transfer to an account
DONG = "704"  # ISO 4217
VIET_NAM = "VN"
CRC_FIELD = "6304"

# What banks keep of an account number and a transfer's purpose: letters and digits.
_BANK_TEXT = re.compile(r"[A-Z0-9]+")
_BIN = re.compile(r"\d{6}")


class InvalidPayload(ValueError):
    """A payload that cannot be built or read; the message says why, for a person."""


@dataclass(frozen=True)
class TransferRequest:
    """What a VietQR code asks the payer's bank to send."""

    bank_bin: str
    account: str
    amount: int
    reference: str


def crc16(text: str) -> str:
    """CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF) of ``text`` as 4 upper-case hex digits."""
    crc = 0xFFFF
    for byte in text.encode("utf-8"):
        crc ^= byte << 8
        for _bit in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return f"{crc:04X}"


def field(tag: str, value: str) -> str:
    if len(value) > 99:
        raise InvalidPayload(_("The field %(tag)s is longer than 99 characters.") % {"tag": tag})
    return f"{tag}{len(value):02d}{value}"


def build(bank_bin: str, account: str, amount, reference: str) -> str:
    """The payload asking for ``amount`` đồng to ``account`` at the bank ``bank_bin``, with
    ``reference`` as the transfer's purpose."""
    bank_bin, account, reference = _bin(bank_bin), _bank_text(account, 19), _bank_text(reference, 25)
    beneficiary = field("00", bank_bin) + field("01", account)
    merchant = field("00", NAPAS_GUID) + field("01", beneficiary) + field("02", TO_ACCOUNT)
    body = (
        field("00", PAYLOAD_FORMAT)
        + field("01", DYNAMIC)
        + field("38", merchant)
        + field("53", DONG)
        + field("54", str(whole_dong(amount)))
        + field("58", VIET_NAM)
        + field("62", field("08", reference))
        + CRC_FIELD
    )
    return body + crc16(body)


def whole_dong(amount) -> int:
    """``amount`` as a positive whole number of đồng; a fraction or nothing to pay is refused."""
    try:
        value = Decimal(str(amount))
    except InvalidOperation:
        raise InvalidPayload(_("The amount is not a number.")) from None
    if not value.is_finite() or value <= 0:
        raise InvalidPayload(_("The amount must be more than 0 ₫."))
    if value != value.to_integral_value():
        raise InvalidPayload(_("The amount must be a whole number of đồng."))
    return int(value)


def _bin(bank_bin) -> str:
    if not isinstance(bank_bin, str) or not _BIN.fullmatch(bank_bin):
        raise InvalidPayload(_("A bank's BIN is 6 digits."))
    return bank_bin


def _bank_text(text, longest) -> str:
    if not isinstance(text, str) or not _BANK_TEXT.fullmatch(text) or len(text) > longest:
        raise InvalidPayload(
            _("“%(text)s” must be 1 to %(longest)d capital letters or digits: banks drop anything else.")
            % {"text": text, "longest": longest}
        )
    return text


def fields(data: str) -> dict:
    """The ID → value pairs of one level of a payload, in order; raises InvalidPayload when the
    lengths do not add up."""
    found, position = {}, 0
    while position < len(data):
        head = data[position : position + 4]
        if len(head) < 4 or not head.isdigit():
            raise InvalidPayload(_("The code is damaged near character %(at)d.") % {"at": position + 1})
        tag, length = head[:2], int(head[2:])
        value = data[position + 4 : position + 4 + length]
        if len(value) != length:
            raise InvalidPayload(_("The field %(tag)s is cut short.") % {"tag": tag})
        found[tag] = value
        position += 4 + length
    return found


def check_crc(payload: str) -> None:
    """Raises InvalidPayload unless ``payload`` ends with the right checksum of what precedes it."""
    if len(payload) < 8 or payload[-8:-4] != CRC_FIELD:
        raise InvalidPayload(_("The code has no checksum."))
    if payload[-4:].upper() != crc16(payload[:-4]):
        raise InvalidPayload(_("The code's checksum is wrong: it was mistyped or damaged."))


def parse(payload: str) -> dict:
    """Every field of a payload whose checksum is right, with fields 38 and 62 (and 38's
    beneficiary, "01") read into their own fields."""
    check_crc(payload)
    top = fields(payload)
    if "38" in top:
        top["38"] = fields(top["38"])
        if "01" in top["38"]:
            top["38"]["01"] = fields(top["38"]["01"])
    if "62" in top:
        top["62"] = fields(top["62"])
    return top


def read(payload: str) -> TransferRequest:
    """The transfer a VietQR payload asks for; raises InvalidPayload for anything else."""
    top = parse(payload)
    merchant = top.get("38")
    if not isinstance(merchant, dict) or merchant.get("00") != NAPAS_GUID or top.get("53") != DONG:
        raise InvalidPayload(_("This is not a VietQR code for a transfer in đồng."))
    beneficiary = merchant.get("01") or {}
    return TransferRequest(
        bank_bin=beneficiary.get("00", ""),
        account=beneficiary.get("01", ""),
        amount=whole_dong(top.get("54", "0")),
        reference=(top.get("62") or {}).get("08", ""),
    )
