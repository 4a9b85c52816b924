import pytest

from .orders import place_order


@pytest.fixture(autouse=True)
def _stripe(stripe_settings):
    """Every payment test talks to localstripe, never to Stripe."""
    return stripe_settings


@pytest.fixture
def card_order(shopper):
    """The shopper's order of two enterprises' products, placed and waiting for the card."""
    return place_order(user=shopper, gateway="card")


@pytest.fixture
def shopper_client(client, shopper):
    client.force_login(shopper)
    return client
