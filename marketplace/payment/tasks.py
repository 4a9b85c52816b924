"""Payments' background work: card orders never paid released, the daily reconciliation with Stripe."""

import logging

from celery import shared_task
from django.conf import settings

from marketplace.jobs.base import BackgroundTask

logger = logging.getLogger(__name__)


def reconcile_days():
    """How far back the daily run looks: refunds come weeks after a sale, webhooks cover the rest."""
    return getattr(settings, "MARKETPLACE_RECONCILE_DAYS", 60)


@shared_task(base=BackgroundTask, name="payment.release_unpaid_orders")
def release_unpaid_orders():
    """Every 5 minutes: orders never paid give their stock back once their gateway's hold has
    passed (the card's timeout, a bank transfer's HOLD_MINUTES); the basket is kept."""
    from .outcomes import cancel_abandoned

    return [order.number for order in cancel_abandoned()]


@shared_task(base=BackgroundTask, name="payment.reconcile_payments")
def reconcile_payments():
    """Daily: card orders of the last weeks compared with Stripe. What Stripe did that the books miss
    (a webhook lost) is written down as the webhook would have; every difference is logged at WARNING,
    those no repair can settle for the operator to look into."""
    from marketplace.jobs.tasks import record_run

    from .reconciliation import card_orders, reconcile

    if not settings.STRIPE_SECRET_KEY:
        logger.info("No STRIPE_SECRET_KEY: card payments are not reconciled")
        return []
    checks = list(reconcile(card_orders(reconcile_days()), repair=True))
    for check in checks:
        logger.warning("Payments differ from Stripe: %s", check)
    record_run("reconcile-payments")
    return [check.order.number for check in checks]
