"""Inviting a signed-in shopper to review what a delivered parcel brought them.

The order app announces each parcel move; on a delivery a worker, once the move commits, writes
the shopper (in the language they ordered in) a link to the review form of each product of the
parcel they may review now: not one they already reviewed, nor one their own enterprise sells
(:mod:`.eligibility`). Guests cannot review, so they are not invited.
"""

import logging

from django.dispatch import receiver
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_class, get_model

from marketplace.order.notifications import order_status_path, site_url
from marketplace.order.signals import parcel_moved

from .eligibility import eligibility

Dispatcher = get_class("communication.utils", "Dispatcher")
OrderDispatcher = get_class("order.utils", "OrderDispatcher")
Parcel = get_model("order", "Parcel")
ParcelStatusChange = get_model("order", "ParcelStatusChange")

REVIEW_INVITATION = "REVIEW_INVITATION"
logger = logging.getLogger("oscar.checkout")


@receiver(parcel_moved, dispatch_uid="review_invitation")
def parcel_delivered_invite_review(sender, parcel, change, **kwargs):
    if change.to_status == Parcel.Status.DELIVERED and parcel.order.user_id:
        from marketplace.jobs.outbox import enqueue

        from .tasks import send_review_invitation

        enqueue(send_review_invitation, change.pk)


def send_now(change_pk):
    """Write and send the invitation for the delivery ``change_pk`` (the worker's part)."""
    change = ParcelStatusChange.objects.select_related("parcel__enterprise", "parcel__order__user").get(
        pk=change_pk
    )
    parcel, order = change.parcel, change.parcel.order
    with translation.override(order.language):
        reviewable = review_links(order.user, parcel.lines.select_related("product__parent"))
        if not reviewable:
            return
        path = order_status_path(order)
        context = {
            "order": order,
            "parcel": parcel,
            "reviewable": reviewable,
            "status_url": site_url(path) if path else "",
        }
        messages = Dispatcher(logger=logger).get_messages(REVIEW_INVITATION, context)
        OrderDispatcher(logger=logger).dispatch_order_messages(order, messages, REVIEW_INVITATION)


def review_links(user, lines):
    """``(title, review form address)`` for each product received that ``user`` may review now, once."""
    links, seen = [], set()
    for line in lines:
        if line.product is None:
            continue  # deleted since the order
        product = line.product.parent or line.product
        if product.pk in seen or not eligibility(product, user).allowed:
            continue
        seen.add(product.pk)
        path = reverse(
            "catalogue:reviews-add", kwargs={"product_slug": product.slug, "product_pk": product.pk}
        )
        links.append((product.get_title(), site_url(path)))
    return links
