"""The Stripe client, built from settings, and the one conversion of đồng to Stripe amounts."""

from decimal import Decimal

import stripe
from django.conf import settings

CURRENCY = "vnd"
# Card calls run while the order's payment row is locked (on SQLite, the database's write
# lock): a short timeout and one retry keep a slow Stripe from stalling other writers.
TIMEOUT_SECONDS = (5, 10)  # connect, read


def client() -> stripe.StripeClient:
    """A client for the configured account; ``STRIPE_API_BASE`` points it at localstripe in tests."""
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        base_addresses={"api": settings.STRIPE_API_BASE} if settings.STRIPE_API_BASE else {},
        http_client=stripe.RequestsClient(timeout=TIMEOUT_SECONDS),
        max_network_retries=1,
    )


def stripe_amount(amount: Decimal) -> int:
    """VND has no minor unit: Stripe takes whole đồng, so 125000.00 becomes 125000 and 0.5 is refused."""
    amount = Decimal(amount)
    if amount != amount.to_integral_value():
        raise ValueError(f"{amount} is not a whole number of đồng")
    if amount <= 0:
        raise ValueError(f"{amount} is not a payable amount")
    return int(amount)


def from_stripe_amount(amount: int) -> Decimal:
    return Decimal(amount).quantize(Decimal("0.01"))


def amount_received(intent) -> Decimal:
    """What a succeeded PaymentIntent (a dict) took; localstripe names only the amount asked."""
    return from_stripe_amount(intent.get("amount_received") or intent["amount"])
