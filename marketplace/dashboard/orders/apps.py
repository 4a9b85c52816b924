from oscar.apps.dashboard.orders import apps
from oscar.core.loading import get_class


class OrdersDashboardConfig(apps.OrdersDashboardConfig):
    """Oscar's order dashboard, where an enterprise sees and acts on its own lines only.

    Changing a whole order's status, its notes or its shipping address would
    reach other enterprises' parcels, so those stay with the platform's staff
    until orders are split into per-enterprise parts.
    """

    name = "marketplace.dashboard.orders"

    def configure_permissions(self):
        super().configure_permissions()
        DashboardPermission = get_class("dashboard.permissions", "DashboardPermission")
        self.permissions_map["order-detail-note"] = (
            DashboardPermission.get("order", "view_order", "change_order"),
        )
        self.permissions_map["order-shipping-address"] = (DashboardPermission.get("order", "view_order"),)
