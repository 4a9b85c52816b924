from oscar.apps.dashboard.orders import apps
from oscar.core.loading import get_class

from .access import parcels_instead


class OrdersDashboardConfig(apps.OrdersDashboardConfig):
    """Oscar's order dashboard, for the marketplace operator only.

    An order holds several enterprises' parcels, so its totals, notes, statuses, line
    tools and CSV are the operator's. Enterprise staff work on their parcels
    (``dashboard.parcels``); opening an order page sends them there (see ``access``).
    """

    name = "marketplace.dashboard.orders"

    def configure_permissions(self):
        DashboardPermission = get_class("dashboard.permissions", "DashboardPermission")
        viewing = DashboardPermission.operator("order", "view_order")
        self.permissions_map = {
            "order-list": viewing,
            "order-stats": viewing,
            "order-detail": viewing,
            "order-detail-note": DashboardPermission.operator("order", "view_order", "change_order"),
            "order-line-detail": viewing,
            "order-shipping-address": viewing,
        }

    def get_url_decorator(self, pattern):
        return parcels_instead(pattern.name, super().get_url_decorator(pattern))
