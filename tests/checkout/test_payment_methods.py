"""Checkout offers only the ways of paying that work now: card needs Stripe's keys.

Without them the payment page says so and offers cash on delivery; a shopper who posts
"card" anyway, or chose it before the keys went away, is told plainly and no order is placed.
"""

import pytest
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from marketplace.payment.gateways import available_gateways
from tests.checkout.conftest import Checkout
from tests.factories import add_to_basket, place_order

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db

UNAVAILABLE = "Card payment is not available at the moment; you can pay cash on delivery."


@pytest.fixture
def no_stripe_keys(settings):
    settings.STRIPE_SECRET_KEY = ""
    settings.STRIPE_PUBLISHABLE_KEY = ""
    return settings


@pytest.fixture
def at_payment(guest_client, two_enterprise_products):
    """A guest with a basket, the address and delivery given: next is how to pay."""
    add_to_basket(guest_client, two_enterprise_products[0], 1)
    checkout = Checkout(guest_client, email="khach@example.vn").start()
    assert checkout.address().status_code == 302
    assert checkout.delivery().status_code == 302
    return checkout


def test_card_is_offered_only_with_both_stripe_keys(settings):
    # Bank transfer is offered too: the test settings configure its account (tests/transfers).
    assert set(available_gateways()) == {"card", "cod", "transfer"}
    settings.STRIPE_PUBLISHABLE_KEY = ""
    assert set(available_gateways()) == {"cod", "transfer"}
    settings.STRIPE_PUBLISHABLE_KEY, settings.STRIPE_SECRET_KEY = "pk_test_x", ""
    assert set(available_gateways()) == {"cod", "transfer"}


def test_in_production_card_also_needs_the_webhook_secret(settings):
    settings.STRIPE_WEBHOOK_SECRET_REQUIRED = True
    settings.STRIPE_WEBHOOK_SECRET = ""
    assert set(available_gateways()) == {"cod", "transfer"}
    settings.STRIPE_WEBHOOK_SECRET = "whsec_x"
    assert set(available_gateways()) == {"card", "cod", "transfer"}


def test_with_the_keys_the_shopper_chooses_between_card_and_cash(at_payment, guest_client):
    page = guest_client.get(reverse("checkout:payment-method"))
    choices = [code for code, _name in page.context["form"].fields["method"].choices]
    assert choices == ["card", "cod", "transfer"]
    assert page.context["unavailable"] == []


def test_without_keys_the_payment_page_offers_cash_and_says_card_is_unavailable(
    no_stripe_keys, at_payment, guest_client
):
    with translation.override("en"):
        page = guest_client.get(reverse("checkout:payment-method"))
    assert page.status_code == 200
    assert [code for code, _name in page.context["form"].fields["method"].choices] == ["cod", "transfer"]
    assert UNAVAILABLE in page.content.decode()


def test_posting_card_without_keys_is_refused_plainly_and_nothing_is_ordered(
    no_stripe_keys, at_payment, guest_client
):
    with translation.override("en"):
        response = guest_client.post(reverse("checkout:payment-method"), {"method": "card"})
    assert response.status_code == 200
    with translation.override("en"):
        assert response.context["form"].errors["method"] == [UNAVAILABLE]
    assert guest_client.get(reverse("checkout:preview"))["Location"] == reverse("checkout:payment-method")
    assert not Order.objects.exists()


def test_a_card_choice_made_before_the_keys_went_away_is_asked_again(settings, at_payment, guest_client):
    assert at_payment.pay_by("card").status_code == 302
    settings.STRIPE_PUBLISHABLE_KEY = ""
    preview = guest_client.get(reverse("checkout:preview"))
    assert preview.status_code == 302 and preview["Location"] == reverse("checkout:payment-method")
    placed = guest_client.post(reverse("checkout:preview"), {"action": "place_order"})
    assert placed.status_code == 302 and not Order.objects.exists()


def test_the_card_page_is_never_shown_without_keys(no_stripe_keys, client, shopper):
    order = place_order(shopper, gateway="card")
    client.force_login(shopper)
    response = client.get(reverse("payment:card", kwargs={"number": order.number}))
    assert response.status_code == 302
    assert response["Location"] == reverse("checkout:payment-method")
