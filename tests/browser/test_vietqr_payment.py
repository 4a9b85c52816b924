"""A shopper on a phone pays by VietQR: the code read off the page's image, the bank's signed
notification sent, and the page (polling) shows the parcels confirmed.

The notification follows the bank's contract (marketplace.transfers' notify endpoint): JSON with the
transaction id, amount, description, time and account, signed ``X-Signature: sha256=<HMAC-SHA256>``
with ``BANK_TRANSFER["NOTIFICATION_SECRET"]``; the signature is computed here, independently.
"""

import hashlib
import hmac
import io
import json
import re

import pytest
import zxingcpp
from django.conf import settings
from django.utils import timezone
from oscar.core.loading import get_model
from PIL import Image
from playwright.sync_api import expect

from marketplace.order.models import Parcel
from marketplace.transfers import vietqr
from tests.browser.steps import place_order, sign_in
from tests.browser.test_accessibility import audit, described
from tests.checkout.conftest import enterprise_of, stocked_product

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def bank_notification(payload, secret):
    body = json.dumps(payload).encode()
    signature = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return body, {"Content-Type": "application/json", "X-Signature": signature}


def test_a_shopper_pays_by_vietqr_and_sees_the_parcels_confirmed(
    page, live_server, shopper, vendor1, vendor2
):
    sign_in(page, live_server, shopper)
    for vendor in (vendor1, vendor2):
        product = stocked_product(enterprise_of(vendor), stock=5)
        page.goto(product.get_absolute_url())
        page.locator("#add_to_basket_form button[type=submit]").click()
        page.wait_for_load_state()

    place_order(page, "transfer")

    page.wait_for_url(re.compile(r"/checkout/transfer/\d+/$"))
    order = Order.objects.get(number=page.url.rstrip("/").rsplit("/", 1)[-1], user=shopper)
    expect(page.locator("#transfer_page")).to_have_attribute("data-state", "awaiting")

    image = page.locator(".transfer-qr img")
    expect(image).to_be_visible()
    image.evaluate("img => img.complete || new Promise(done => img.addEventListener('load', done))")
    violations = audit(page)
    assert not violations, "\n".join(described(v) for v in violations)
    [decoded] = zxingcpp.read_barcodes(Image.open(io.BytesIO(image.screenshot())))
    asked = vietqr.read(decoded.text)
    reference = page.locator("#transfer_reference").inner_text().strip()
    amount = int(page.locator("#transfer_amount + .transfer-copy").get_attribute("data-copy"))
    assert asked.reference == reference == f"OCOP{order.number}"
    assert asked.amount == amount == int(order.total_incl_tax)
    assert (asked.bank_bin, asked.account) == (
        settings.BANK_TRANSFER["BANK_BIN"],
        page.locator("#transfer_account_number").inner_text().strip(),
    )

    body, headers = bank_notification(
        {
            "transaction_id": "FT26340000001",
            "amount": asked.amount,
            "description": f"MBVCB.1234567.{asked.reference}.CT tu 0123456789 NGUYEN VAN A",
            "credited_at": timezone.now().isoformat(),
            "account_number": asked.account,
        },
        settings.BANK_TRANSFER["NOTIFICATION_SECRET"],
    )
    response = page.request.post(f"{live_server.url}/checkout/transfer/notify/", data=body, headers=headers)
    assert response.status == 200, response.text()

    expect(page.locator("#transfer_page")).to_have_attribute("data-state", "paid", timeout=20_000)
    assert page.locator("#transfer_parcels [data-status=confirmed]").count() == 2
    assert set(order.parcels.values_list("status", flat=True)) == {Parcel.Status.CONFIRMED}
    page.locator("#transfer_status a").click()
    page.wait_for_url(re.compile(r"/checkout/thank-you/"))
