"""The order's background work: the shopper's and enterprises' e-mails, and abandoned card orders."""

from celery import shared_task

from marketplace.jobs.base import BackgroundTask


@shared_task(base=BackgroundTask, name="order.send_confirmation")
def send_confirmation(order_pk):
    from .notifications import send_now

    send_now(order_pk)


@shared_task(base=BackgroundTask, name="order.release_unpaid_orders")
def release_unpaid_orders():
    """Every 5 minutes: card orders never paid give their stock back (the basket is kept)."""
    from .payments import cancel_abandoned, payment_timeout_minutes

    return [order.number for order in cancel_abandoned(payment_timeout_minutes())]
