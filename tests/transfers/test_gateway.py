"""The bank transfer gateway: offered only with the account configured; refunds name the outgoing transfer."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from marketplace.payment.gateways import available_gateways, get_gateway, unavailable_gateways
from tests.checkout.conftest import Checkout
from tests.factories import add_to_basket, place_order

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]  # messages read in English


def test_it_is_offered_only_with_the_account_configured(settings):
    assert "transfer" in available_gateways()
    for missing in ("BANK_BIN", "ACCOUNT_NUMBER", "ACCOUNT_NAME"):
        settings.BANK_TRANSFER = {**settings.BANK_TRANSFER, missing: ""}
        assert "transfer" not in available_gateways() and "transfer" in unavailable_gateways()
        settings.BANK_TRANSFER = {
            **settings.BANK_TRANSFER,
            missing: "970436" if missing == "BANK_BIN" else "X1",
        }
    settings.BANK_TRANSFER = {**settings.BANK_TRANSFER, "BANK_BIN": "VCB"}
    assert "transfer" not in available_gateways()


def test_the_payment_methods_page_lists_it_only_when_configured(
    guest_client, two_enterprise_products, settings
):
    add_to_basket(guest_client, two_enterprise_products[0], 1)
    checkout = Checkout(guest_client, email="khach@example.vn").start()
    assert checkout.address().status_code == 302 and checkout.delivery().status_code == 302
    with translation.override("en"):
        page = guest_client.get(reverse("checkout:payment-method"))
    choices = dict(page.context["form"].fields["method"].choices)
    assert str(choices["transfer"]) == "Bank transfer (VietQR)"
    settings.BANK_TRANSFER = {**settings.BANK_TRANSFER, "ACCOUNT_NUMBER": ""}
    page = guest_client.get(reverse("checkout:payment-method"))
    assert "transfer" not in dict(page.context["form"].fields["method"].choices)
    refused = guest_client.post(reverse("checkout:payment-method"), {"method": "transfer"})
    assert refused.status_code == 200 and refused.context["form"].errors["method"]


def test_start_opens_the_source_and_sends_the_shopper_to_the_transfer_page(shopper):
    order = place_order(shopper)
    outcome = get_gateway("transfer").start(order, order.total_incl_tax)
    assert outcome.pending and not outcome.succeeded
    assert outcome.redirect_url == reverse("transfers:pay", kwargs={"number": order.number})
    assert order.sources.get().source_type.code == "transfer"


def test_a_refund_records_the_outgoing_transfers_reference(shopper):
    order = place_order(shopper, gateway="transfer")
    gateway = get_gateway("transfer")
    assert gateway.refund_needs_reference
    outcome = gateway.refund(order, Decimal(50000), reference=" FT26340999 ")
    assert outcome.succeeded and outcome.reference == "FT26340999"


def test_a_refund_without_a_reference_is_refused_plainly(shopper):
    order = place_order(shopper, gateway="transfer")
    with translation.override("en"):
        outcome = get_gateway("transfer").refund(order, Decimal(50000), reference="  ")
        assert not outcome.succeeded
        assert str(outcome.message) == "Please give the reference of the transfer that sent the money back."
