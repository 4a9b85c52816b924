"""The order's background work: the shopper's and enterprises' e-mails."""

from celery import shared_task

from marketplace.jobs.base import BackgroundTask


@shared_task(base=BackgroundTask, name="order.send_confirmation")
def send_confirmation(order_pk):
    from .notifications import send_now

    send_now(order_pk)


@shared_task(base=BackgroundTask, name="order.send_parcel_news")
def send_parcel_news(change_pk):
    from .parcel_news import send_now

    send_now(change_pk)
