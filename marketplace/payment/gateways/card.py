"""Card payments through Stripe: a PaymentIntent in whole đồng, taken on the card page."""

import logging
from decimal import Decimal

import stripe
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .base import PaymentGateway, PaymentOutcome

logger = logging.getLogger(__name__)


class StripeCard(PaymentGateway):
    code = "card"
    name = _("Card (Visa, Mastercard, JCB)")
    confirms_on_placement = False
    unavailable_message = _("Card payment is not available at the moment; you can pay cash on delivery.")

    def is_available(self) -> bool:
        return card_is_configured()

    def start(self, order, amount: Decimal) -> PaymentOutcome:
        from marketplace.payment import bookkeeping, stripe_api

        stripe_api.stripe_amount(amount)  # refuse a fraction of a đồng before the shopper sees the card page
        bookkeeping.open_source(order, self, amount)
        return PaymentOutcome(
            pending=True, redirect_url=reverse("payment:card", kwargs={"number": order.number})
        )

    def refund(self, order, amount: Decimal, parcel=None, reference="") -> PaymentOutcome:
        # Stripe names the refund itself; ``reference`` is for money sent back by hand.
        from marketplace.payment import bookkeeping

        source = bookkeeping.order_source(order)
        part = parcel.number if parcel else "order"
        return refund_intent(source.reference, amount, key=f"refund-{order.number}-{part}", order=order)


def card_is_configured():
    """Stripe's secret and publishable keys are set, and in production the webhook's secret too:
    without it a payment whose browser never came back would stay unknown."""
    keys = [settings.STRIPE_SECRET_KEY, settings.STRIPE_PUBLISHABLE_KEY]
    if getattr(settings, "STRIPE_WEBHOOK_SECRET_REQUIRED", False):
        keys.append(settings.STRIPE_WEBHOOK_SECRET)
    return all(keys)


def refund_intent(intent_id, amount: Decimal, key, order) -> PaymentOutcome:
    """Give back ``amount`` of a PaymentIntent; ``key`` makes a retried refund the same refund."""
    from marketplace.payment import stripe_api, stripe_refunds

    try:
        refund = stripe_api.client().v1.refunds.create(
            params={
                "payment_intent": intent_id,
                "amount": stripe_api.stripe_amount(amount),
                "metadata": {"order_number": order.number},
            },
            options={"idempotency_key": key},
        )
    except stripe.StripeError as error:
        logger.warning("Refund of %s for order %s failed: %s", intent_id, order.number, error)
        return PaymentOutcome(
            message=_("The card service refused the refund: %(reason)s") % {"reason": error}
        )
    return PaymentOutcome(succeeded=refund.status in stripe_refunds.MADE, reference=refund.id)
