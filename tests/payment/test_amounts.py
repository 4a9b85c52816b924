"""VND has no minor unit: Stripe is asked for whole đồng, never a fraction."""

from decimal import Decimal

import pytest

from marketplace.payment import stripe_api
from marketplace.payment.gateways import get_gateway


def test_amounts_are_whole_dong():
    assert stripe_api.stripe_amount(Decimal("125000.00")) == 125000
    assert stripe_api.stripe_amount(Decimal("1")) == 1
    assert stripe_api.from_stripe_amount(125000) == Decimal("125000.00")


@pytest.mark.parametrize("amount", [Decimal("125000.50"), Decimal("0.01"), Decimal("0"), Decimal("-5000")])
def test_fractions_and_non_positive_amounts_are_refused(amount):
    with pytest.raises(ValueError):
        stripe_api.stripe_amount(amount)


def test_gateways_are_registered_by_code():
    assert get_gateway("card").confirms_on_placement is False
    assert get_gateway("cod").confirms_on_placement is True
