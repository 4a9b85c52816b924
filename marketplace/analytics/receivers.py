"""The write-side receivers of Oscar's analytics: basket additions and orders.

Oscar's own receivers module connects its page-view and search receivers
when imported, so the counters it needs are written out here.
"""

import logging

from django.db import IntegrityError
from django.db.models import F
from django.dispatch import receiver
from oscar.apps.basket.signals import basket_addition
from oscar.apps.order.signals import order_placed
from oscar.core.loading import get_model

ProductRecord = get_model("analytics", "ProductRecord")
UserRecord = get_model("analytics", "UserRecord")

logger = logging.getLogger(__name__)


def increment_counter(model, field_name, filter_kwargs, increment=1):
    """Add to a counter in one UPDATE, creating the row the first time."""
    records = model.objects.filter(**filter_kwargs)
    if records.update(**{field_name: F(field_name) + increment}):
        return
    try:
        model.objects.create(**filter_kwargs, **{field_name: increment})
    except IntegrityError:  # another request created it meanwhile
        records.update(**{field_name: F(field_name) + increment})


@receiver(basket_addition)
def count_basket_addition(sender, product, user, **kwargs):
    if kwargs.get("raw", False):
        return
    increment_counter(ProductRecord, "num_basket_additions", {"product": product})
    if user and user.is_authenticated:
        increment_counter(UserRecord, "num_basket_additions", {"user": user})


@receiver(order_placed)
def count_order(sender, order, user, **kwargs):
    if kwargs.get("raw", False):
        return
    for line in order.lines.all():
        increment_counter(ProductRecord, "num_purchases", {"product_id": line.product_id}, line.quantity)
    if not (user and user.is_authenticated):
        return
    records = UserRecord.objects.filter(user=user)
    updated = records.update(
        num_orders=F("num_orders") + 1,
        num_order_lines=F("num_order_lines") + order.num_lines,
        num_order_items=F("num_order_items") + order.num_items,
        total_spent=F("total_spent") + order.total_incl_tax,
        date_last_order=order.date_placed,
    )
    if not updated:
        UserRecord.objects.create(
            user=user,
            num_orders=1,
            num_order_lines=order.num_lines,
            num_order_items=order.num_items,
            total_spent=order.total_incl_tax,
            date_last_order=order.date_placed,
        )
