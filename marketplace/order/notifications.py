"""E-mails when an order is confirmed: the shopper gets the whole order, each enterprise its own parcel.

A worker writes and sends them once the transaction commits, through Oscar's communication framework
(event types ``ORDER_PLACED`` and ``PARCEL_PLACED``, editable in the dashboard): the shopper's
in the language they ordered in, the enterprises' in the site's default language, Vietnamese.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from oscar.core.loading import get_class, get_model

from marketplace.jobs.outbox import enqueue
from vendors.notifications import recipients

Dispatcher = get_class("communication.utils", "Dispatcher")
OrderDispatcher = get_class("order.utils", "OrderDispatcher")
Order = get_model("order", "Order")

PARCEL_PLACED = "PARCEL_PLACED"
logger = logging.getLogger("oscar.checkout")


def site_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def order_status_path(order):
    try:
        if order.user_id:
            return reverse("customer:order", kwargs={"order_number": order.number})
        return reverse(
            "customer:anon-order", kwargs={"order_number": order.number, "hash": order.verification_hash()}
        )
    except NoReverseMatch:
        return ""


def send_order_confirmation(order):
    """Have a worker write the shopper's and the enterprises' e-mails once the order is committed."""
    from .tasks import send_confirmation

    enqueue(send_confirmation, order.pk)


def send_now(order_pk):
    order = Order.objects.select_related("user", "shipping_address").get(pk=order_pk)
    parcels = list(order.parcels.select_related("enterprise").order_by("number"))
    with translation.override(order.language):
        send_to_shopper(order, parcels)
    with translation.override(settings.LANGUAGE_CODE):
        for parcel in parcels:
            send_to_enterprise(order, parcel)


def send_to_shopper(order, parcels):
    path = order_status_path(order)
    context = {
        "order": order,
        "parcels": [(parcel, list(parcel.lines)) for parcel in parcels],
        "lines": order.lines.all(),
        "status_path": path,
        "status_url": site_url(path) if path else "",
    }
    OrderDispatcher(logger=logger).send_order_placed_email_for_user(order, context)


def send_to_enterprise(order, parcel):
    to = recipients(parcel.enterprise)
    if not to:
        logger.warning("Parcel %s: enterprise %s has no e-mail address", parcel.number, parcel.enterprise_id)
        return
    context = {
        "order": order,
        "parcel": parcel,
        "lines": list(parcel.lines),
        "dashboard_url": site_url(reverse("dashboard:index")),
    }
    messages = Dispatcher(logger=logger).get_messages(PARCEL_PLACED, context)
    email = EmailMultiAlternatives(messages["subject"], messages["body"], settings.OSCAR_FROM_EMAIL, to)
    if messages["html"]:
        email.attach_alternative(messages["html"], "text/html")
    email.send()
