"""The buyer asks for a VAT invoice at checkout: tax codes checked, the details saved with the order."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.invoicing.models import InvoiceRequest
from tests.checkout.conftest import Checkout
from tests.factories import add_to_basket, enterprise_of, stocked_product

Order = get_model("order", "Order")

BUYER = {
    "buyer_name": "Công ty TNHH Quà Quê",
    "tax_code": "0312687878",
    "address": "12 Lê Lợi, Phường Đồng Hới, Quảng Trị",
    "email": "ketoan@quaque.vn",
}


@pytest.fixture
def at_preview(guest_client, vendor1, in_english):
    add_to_basket(guest_client, stocked_product(enterprise_of(vendor1), stock=10, price=120000), 2)
    checkout = Checkout(guest_client, email="khach@example.vn")
    preview = checkout.up_to_preview("cod")
    assert preview.status_code == 200
    return checkout


def ask(client, **changes):
    return client.post(reverse("checkout:invoice-request"), {**BUYER, **changes})


def test_the_preview_offers_the_request_and_then_shows_it_with_a_change_link(at_preview):
    client = at_preview.client
    html = at_preview.preview().content.decode()
    assert "No VAT invoice requested." in html
    assert reverse("checkout:invoice-request") in html
    assert client.get(reverse("checkout:invoice-request")).status_code == 200

    response = ask(client)

    assert response.status_code == 302 and response["Location"] == reverse("checkout:preview")
    html = at_preview.preview().content.decode()
    assert "VAT invoice requested" in html and "Công ty TNHH Quà Quê" in html and "0312687878" in html


@pytest.mark.parametrize(
    ("tax_code", "stored"),
    [
        ("0312687878", "0312687878"),
        ("0312 687 878", "0312687878"),
        ("0312687878-001", "0312687878-001"),
        ("001190012345", "001190012345"),  # a person's 12-digit identification number
    ],
)
def test_good_tax_codes_are_kept_as_invoices_print_them(at_preview, tax_code, stored):
    assert ask(at_preview.client, tax_code=tax_code).status_code == 302
    assert at_preview.client.session["invoice_request"]["tax_code"] == stored


@pytest.mark.parametrize(
    ("tax_code", "message"),
    [
        ("0312687879", "check digit is wrong"),
        ("0312687878-000", "Please enter a tax code of 10 digits"),
        ("12345", "Please enter a tax code of 10 digits"),
        ("MST-ABC", "Please enter a tax code of 10 digits"),
    ],
)
def test_a_wrong_tax_code_is_refused_with_a_message_and_nothing_is_stored(at_preview, tax_code, message):
    response = ask(at_preview.client, tax_code=tax_code)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert "invoice_request" not in at_preview.client.session


def test_missing_details_are_refused(at_preview):
    response = ask(at_preview.client, buyer_name="", email="not-an-email")

    assert response.status_code == 200
    assert "invoice_request" not in at_preview.client.session


def test_the_request_is_saved_with_the_order_and_leaves_the_session(at_preview):
    ask(at_preview.client, tax_code="0312687878-001")

    response = at_preview.place()

    assert response.status_code == 302
    order = Order.objects.get(guest_email="khach@example.vn")
    request = InvoiceRequest.objects.get(order=order)
    assert (request.buyer_name, request.tax_code, request.email) == (
        BUYER["buyer_name"],
        "0312687878-001",
        BUYER["email"],
    )
    assert "invoice_request" not in at_preview.client.session


def test_an_order_without_a_request_has_none_and_a_removed_request_is_not_saved(at_preview):
    ask(at_preview.client)
    response = at_preview.client.post(reverse("checkout:invoice-request"), {"remove": "1"})
    assert response.status_code == 302

    at_preview.place()

    order = Order.objects.get(guest_email="khach@example.vn")
    assert not InvoiceRequest.objects.filter(order=order).exists()
