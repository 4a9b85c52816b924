import pytest
from django.urls import reverse

from tests.factories import place_order

from .stripe_helpers import card_token


@pytest.fixture(autouse=True)
def _stripe(stripe_settings):
    """Every payment test talks to localstripe, never to Stripe."""
    return stripe_settings


@pytest.fixture
def card_order(shopper):
    """The shopper's order of two enterprises' products, placed and waiting for the card."""
    return place_order(shopper, gateway="card")


@pytest.fixture
def shopper_client(client, shopper):
    client.force_login(shopper)
    return client


@pytest.fixture
def paid_order(shopper_client, card_order):
    """The card order, paid on its card page: both parcels confirmed."""
    result = shopper_client.post(
        reverse("payment:card", kwargs={"number": card_order.number}),
        {"token": card_token()},
        content_type="application/json",
    ).json()
    assert result["status"] == "succeeded"
    return card_order
