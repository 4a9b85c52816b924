"""Stock for orders: taken under row locks when an order is placed.

(Giving it back when a parcel is cancelled is part of the parcel's move, in ``parcels``.)

Locks are taken in stock-record order (by primary key) so two checkouts that share
products wait for each other instead of deadlocking; the check and the allocation
happen under the same locks, so the last jar is never sold twice.
"""

from collections import Counter

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from oscar.core.loading import get_class, get_model

UnableToPlaceOrder = get_class("order.exceptions", "UnableToPlaceOrder")
StockRecord = get_model("partner", "StockRecord")


class NotEnoughStock(UnableToPlaceOrder):
    """Some lines ask for more than is left: nothing was allocated."""


def allocate(basket_lines):
    """Allocate the lines' quantities, or raise :class:`NotEnoughStock` (or refuse a non-trading seller)."""
    wanted = Counter()
    for line in basket_lines:
        if line.product.get_product_class().track_stock:
            wanted[line.stockrecord_id] += line.quantity
    records = list(
        StockRecord.objects.select_for_update(of=("self",))
        .select_related("partner", "product")
        .filter(pk__in=wanted)
        .order_by("pk")
    )
    problems = []
    for record in records:
        if not record.partner.is_approved:
            problems.append(
                _("%(product)s: its enterprise is not trading on the marketplace at the moment.")
                % {"product": record.product.get_title()}
            )
        elif not record.product.is_listed:
            problems.append(
                _("%(product)s: it has been withdrawn from the marketplace.")
                % {"product": record.product.get_title()}
            )
        elif record.net_stock_level < wanted[record.pk]:
            left = max(record.net_stock_level, 0)
            problems.append(
                ngettext("%(product)s: only %(left)d is left.", "%(product)s: only %(left)d are left.", left)
                % {"product": record.product.get_title(), "left": left}
            )
    if problems:
        raise NotEnoughStock(
            " ".join([_("Your order was not placed; please adjust your basket."), *problems])
        )
    for record in records:
        record.allocate(wanted[record.pk])
