"""Checkout by bank transfer: the order awaits its money with the stock held, on a page only its
shopper sees, showing the code, the account and the reference; back in checkout, that same page."""

import io

import pytest
import zxingcpp
from django.test import Client
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model
from PIL import Image

from marketplace.order.models import Parcel
from marketplace.payment import outcomes
from marketplace.transfers import vietqr
from tests.checkout.conftest import allocated
from tests.factories import parcel_statuses as statuses

Order = get_model("order", "Order")
Status = Parcel.Status

pytestmark = pytest.mark.django_db


def pay_url(order, name="transfers:pay"):
    return reverse(name, kwargs={"number": order.number})


def test_the_order_awaits_its_transfer_with_the_stock_held(transfer_order, two_enterprise_products):
    assert statuses(transfer_order) == {Status.AWAITING_PAYMENT}
    assert allocated(two_enterprise_products) == [2, 1]
    source = transfer_order.sources.get()
    assert source.source_type.code == "transfer"
    assert source.amount_allocated == transfer_order.total_incl_tax and source.amount_debited == 0


def test_the_page_shows_the_account_amount_reference_and_parcels(transfer_order, guest_client, settings):
    with translation.override("en"):
        page = guest_client.get(pay_url(transfer_order))
    html = page.content.decode()
    assert page.status_code == 200 and page.context["state"] == "awaiting"
    reference = f"OCOP{transfer_order.number}"
    amount = int(transfer_order.total_incl_tax)
    for shown in ("Vietcombank", "0071000123456", "CONG TY CHO OCOP", reference, f'data-copy="{amount}"'):
        assert shown in html
    assert pay_url(transfer_order, "transfers:qr") in html
    assert html.count('class="btn btn-sm btn-outline-secondary transfer-copy"') == 5
    for parcel in transfer_order.parcels.all():
        assert parcel.number in html
    assert "onclick" not in html


def test_the_qr_image_decodes_to_the_orders_payload(transfer_order, guest_client):
    response = guest_client.get(pay_url(transfer_order, "transfers:qr"))
    assert response["Content-Type"] == "image/png"
    [decoded] = zxingcpp.read_barcodes(Image.open(io.BytesIO(response.content)))
    read = vietqr.read(decoded.text)
    assert read == vietqr.TransferRequest(
        "970436", "0071000123456", int(transfer_order.total_incl_tax), f"OCOP{transfer_order.number}"
    )


@pytest.mark.parametrize("name", ["transfers:pay", "transfers:qr", "transfers:status"])
def test_someone_else_gets_a_404(transfer_order, name, shopper):
    assert Client().get(pay_url(transfer_order, name)).status_code == 404
    signed_in = Client()
    signed_in.force_login(shopper)
    assert signed_in.get(pay_url(transfer_order, name)).status_code == 404


def test_a_card_order_has_no_transfer_page(guest_client, two_enterprise_products):
    from tests.checkout.conftest import Checkout
    from tests.factories import add_to_basket

    add_to_basket(guest_client, two_enterprise_products[0], 1)
    checkout = Checkout(guest_client, email="the@example.vn")
    checkout.place(checkout.up_to_preview("card"))
    order = Order.objects.get(guest_email="the@example.vn")
    assert guest_client.get(pay_url(order)).status_code == 404


def test_once_paid_the_page_says_so_and_links_to_the_order(transfer_order, guest_client):
    assert guest_client.get(pay_url(transfer_order, "transfers:status")).json()["status"] == "awaiting"
    outcomes.payment_succeeded(transfer_order, reference="FT2634012345")
    status = guest_client.get(pay_url(transfer_order, "transfers:status")).json()
    assert status == {"status": "paid", "redirect": reverse("checkout:thank-you"), "awaiting_parcels": 0}
    with translation.override("en"):
        page = guest_client.get(pay_url(transfer_order))
    html = page.content.decode()
    assert "the parcels are confirmed" in html and reverse("checkout:thank-you") in html
    assert pay_url(transfer_order, "transfers:qr") not in html
    assert guest_client.get(reverse("checkout:thank-you")).context["order"] == transfer_order


def test_a_released_order_sends_the_shopper_back_to_the_basket(transfer_order, guest_client):
    outcomes.payment_failed(transfer_order, "The payment window passed.")
    assert guest_client.get(pay_url(transfer_order, "transfers:status")).json()["status"] == "released"
    response = guest_client.get(pay_url(transfer_order))
    assert response.status_code == 302 and response["Location"] == reverse("basket:summary")


def test_back_in_checkout_the_shopper_returns_to_the_transfer_page(transfer_order, guest_client):
    for step in ("checkout:payment-method", "checkout:preview"):
        response = guest_client.get(reverse(step))
        assert response.status_code == 302 and response["Location"] == pay_url(transfer_order), step
    response = guest_client.post(reverse("checkout:payment-method"), {"method": "cod"})
    assert response["Location"] == pay_url(transfer_order)
    assert Order.objects.count() == 1 and statuses(transfer_order) == {Status.AWAITING_PAYMENT}


def test_a_signed_in_shopper_finds_the_payment_code_again_from_the_order_page(client, shopper, awaiting):
    """The checkout session that placed the order may be gone: the order page leads back to the code."""
    client.force_login(shopper)
    order_page = reverse("customer:order", kwargs={"order_number": awaiting.number})
    link = f'href="{pay_url(awaiting)}"'
    assert link in client.get(order_page).content.decode()
    assert client.get(pay_url(awaiting)).status_code == 200

    awaiting.sources.get().debit(awaiting.total_incl_tax, reference="FT26340000009", status="succeeded")
    outcomes.payment_succeeded(awaiting, reference="FT26340000009")
    assert link not in client.get(order_page).content.decode()
