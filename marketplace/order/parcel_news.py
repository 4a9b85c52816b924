"""Telling the shopper what happens to each parcel, in the language they ordered in.

Every parcel move is announced (:data:`marketplace.order.signals.parcel_moved`); the moves a
shopper cares about are handed to a worker once the move commits, so a move that rolls back
tells nobody. The worker writes the message through Oscar's communication framework (event
types ``PARCEL_SHIPPED`` etc., editable in the dashboard): an e-mail to the shopper, and for a
signed-in shopper also a notification in their account. Guests get the e-mail alone, with the
link to their order's status page.

A confirmed parcel is e-mailed as part of the order's confirmation (``ORDER_PLACED``, sent
with the same moves), so that move only adds the account notification. The invitation to
review after a delivery is the reviews' own (``catalogue.reviews.invitations``).
"""

import logging

from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils import translation
from oscar.core.loading import get_class

from marketplace.jobs.outbox import enqueue

from .carriers import tracking_url
from .models import Parcel, ParcelStatusChange
from .notifications import order_status_path, site_url
from .signals import parcel_moved

Dispatcher = get_class("communication.utils", "Dispatcher")
OrderDispatcher = get_class("order.utils", "OrderDispatcher")

Status = Parcel.Status
logger = logging.getLogger("oscar.checkout")

# The moves the shopper hears of, and the communication event type that tells them.
EVENTS = {
    Status.CONFIRMED: "PARCEL_CONFIRMED",
    Status.SHIPPED: "PARCEL_SHIPPED",
    Status.DELIVERED: "PARCEL_DELIVERED",
    Status.CANCELLED: "PARCEL_CANCELLED",
    Status.REFUNDED: "PARCEL_REFUNDED",
}
MAILED_WITH_THE_ORDER = {Status.CONFIRMED}


def is_news(change):
    """A move the shopper hears of. A parcel whose payment never came was never confirmed to them:
    its cancellation is the checkout's to tell (they are back at their basket), not a mail's."""
    if change.to_status not in EVENTS or change.from_status == change.to_status:
        return False
    return not (change.from_status == Status.AWAITING_PAYMENT and change.to_status == Status.CANCELLED)


@receiver(parcel_moved, sender=Parcel, dispatch_uid="parcel_news")
def parcel_moved_tell_shopper(sender, parcel, change, **kwargs):
    if is_news(change):
        from .tasks import send_parcel_news

        enqueue(send_parcel_news, change.pk)


def send_now(change_pk):
    """Write and send the shopper's news of one move (the worker's part)."""
    change = ParcelStatusChange.objects.select_related("parcel__enterprise", "parcel__order__user").get(
        pk=change_pk
    )
    parcel, order = change.parcel, change.parcel.order
    with translation.override(order.language):
        context = news_context(order, parcel, change)
        event_code = EVENTS[change.to_status]
        messages = Dispatcher(logger=logger).get_messages(event_code, context)
        if change.to_status not in MAILED_WITH_THE_ORDER:
            OrderDispatcher(logger=logger).dispatch_order_messages(order, messages, event_code)
        if order.user_id:
            notify(order.user, messages["subject"], context)


def news_context(order, parcel, change):
    path = order_status_path(order)
    return {
        "order": order,
        "parcel": parcel,
        "change": change,
        "reason": change.note,
        "lines": list(parcel.lines),
        "tracking_url": tracking_url(parcel.carrier, parcel.tracking_number),
        "status_url": site_url(path) if path else "",
    }


def notify(user, subject, context):
    """The account's notification (``/accounts/notifications/``): the subject and where to look."""
    body = render_to_string("oscar/communication/notifications/parcel_news.html", context)
    Dispatcher(logger=logger).notify_user(user, " ".join(subject.split()), body=body.strip())
