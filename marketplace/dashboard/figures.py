"""An enterprise's own figures for the dashboard's home, from its parcels and stock records.

Oscar's home counts whole orders, and an order holds other enterprises' lines too: an
enterprise's share of an order is its parcel, so its sales are its parcels' totals (goods
and shipping, what the shopper pays it), counted while the parcel stands sold as in the
payouts ledger. A handful of queries, however many parcels and products there are.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, F, Q, Sum
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.dashboard.queues import status_counts
from marketplace.dashboard.scope import parcels_for_user
from marketplace.payouts.ledger import SOLD

Product = get_model("catalogue", "Product")
StockAlert = get_model("partner", "StockAlert")
Parcel = get_model("order", "Parcel")

LOW_STOCK_SHOWN = 10


@dataclass(frozen=True)
class EnterpriseFigures:
    sales: Decimal
    sold_parcels: int
    sales_last_day: Decimal
    sold_parcels_last_day: int
    parcels_by_status: list  # (status, label, count) for every status
    products: int
    low_stock: list  # open low-stock alerts, the first LOW_STOCK_SHOWN
    low_stock_count: int

    @property
    def average_parcel(self):
        return self.sales / self.sold_parcels if self.sold_parcels else Decimal(0)


def enterprise_figures(user, now=None):
    """The figures of the enterprises ``user`` works for, and nothing of anyone else's."""
    parcels = parcels_for_user(user)
    sold = Q(status__in=SOLD)
    last_day = sold & Q(date_created__gt=(now or timezone.now()) - datetime.timedelta(hours=24))
    total = F("lines_total") + F("shipping_charge")
    money = parcels.order_by().aggregate(
        sales=Sum(total, filter=sold),
        sold_parcels=Count("pk", filter=sold),
        sales_last_day=Sum(total, filter=last_day),
        sold_parcels_last_day=Count("pk", filter=last_day),
    )
    alerts = StockAlert.objects.filter(status=StockAlert.OPEN, stockrecord__partner__users=user)
    return EnterpriseFigures(
        sales=money["sales"] or Decimal(0),
        sold_parcels=money["sold_parcels"],
        sales_last_day=money["sales_last_day"] or Decimal(0),
        sold_parcels_last_day=money["sold_parcels_last_day"],
        parcels_by_status=status_counts(parcels, "status", Parcel.Status.choices),
        products=Product.objects.filter(stockrecords__partner__users=user).values("pk").distinct().count(),
        low_stock=list(
            alerts.select_related("stockrecord__product__parent").order_by("-date_created", "-pk")[
                :LOW_STOCK_SHOWN
            ]
        ),
        low_stock_count=alerts.count(),
    )
