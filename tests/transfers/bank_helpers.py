"""The bank's side in tests: its notifications signed with the shared secret, its statement files,
and orders placed by bank transfer, waiting for their money."""

import json

import pytest
from django.urls import reverse

from marketplace.transfers.bank_notices import signature_for
from marketplace.transfers.references import reference_for
from tests.factories import place_order

SECRET = "bank-notification-secret"
ACCOUNT = "0123456789"


@pytest.fixture
def bank_settings(settings):
    settings.BANK_TRANSFER = {
        **getattr(settings, "BANK_TRANSFER", {}),
        "ACCOUNT_NUMBER": ACCOUNT,
        "NOTIFICATION_SECRET": SECRET,
    }
    return settings


@pytest.fixture
def awaiting(db, shopper, bank_settings):
    """The shopper's order of two enterprises' products, placed by bank transfer, not yet paid."""
    return place_order(shopper, gateway="transfer")


@pytest.fixture
def another_awaiting(db, shopper, bank_settings):
    return place_order(shopper, gateway="transfer")


def whole(amount):
    return int(amount)


def notice(order=None, amount=None, transaction_id="FT26340123456", description=None, account=ACCOUNT):
    """The bank's notification of a transfer paying ``order`` (its total unless ``amount``)."""
    if description is None:
        description = f"NGUYEN VAN A chuyen tien {reference_for(order.number)}" if order else "chuyen tien"
    return {
        "transaction_id": transaction_id,
        "amount": whole(order.total_incl_tax) if amount is None else amount,
        "description": description,
        "credited_at": "2026-11-25T09:15:00+07:00",
        "account_number": account,
    }


def post_notice(client, body, secret=SECRET, signature=None, url=None):
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    headers = {}
    if signature is not None:
        headers["HTTP_X_SIGNATURE"] = signature
    elif secret:
        headers["HTTP_X_SIGNATURE"] = signature_for(raw, secret)
    return client.post(url or reverse("transfers:notify"), raw, content_type="application/json", **headers)


def statement_csv(
    *lines, header="Ngày giao dịch,Số tham chiếu,Số tiền ghi có,Số tiền ghi nợ,Nội dung", bom=True
):
    """A Vietnamese bank's export: its preamble, the header, then ``lines`` (already CSV text)."""
    text = (
        "\n".join(["NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM", f"Số tài khoản: {ACCOUNT}", "", header, *lines])
        + "\n"
    )
    return ("\ufeff" if bom else "").encode() + text.encode()


def line(order, transaction_id, amount=None, description=None, date="25/11/2026 09:15:00"):
    amount = f"{whole(order.total_incl_tax):,}".replace(",", ".") if amount is None else amount
    description = description if description is not None else f"CK {reference_for(order.number)} thanh toan"
    return f'{date},{transaction_id},"{amount}",,"{description}"'
