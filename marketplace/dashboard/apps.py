import oscar.apps.dashboard.apps as apps
from oscar.core.loading import get_class


class DashboardConfig(apps.DashboardConfig):
    """Oscar's dashboard, opened also to the Department's reviewers."""

    name = "marketplace.dashboard"

    def configure_permissions(self):
        DashboardPermission = get_class("dashboard.permissions", "DashboardPermission")
        self.permissions_map = {
            "index": (
                DashboardPermission.staff,
                DashboardPermission.partner_dashboard_access,
                DashboardPermission.department_review,
            ),
        }
