from django.apps import apps as django_apps
from django.urls import include, path
from oscar.apps.dashboard import apps
from oscar.core.loading import get_class


class DashboardConfig(apps.DashboardConfig):
    """Oscar's dashboard, opened also to the Department's reviewers, with their review queue."""

    name = "marketplace.dashboard"

    def ready(self):
        super().ready()
        self.enterprises_app = django_apps.get_app_config("enterprises_dashboard")

    def configure_permissions(self):
        DashboardPermission = get_class("dashboard.permissions", "DashboardPermission")
        self.permissions_map = {
            "index": (
                DashboardPermission.staff,
                DashboardPermission.partner_dashboard_access,
                DashboardPermission.department_review,
            ),
        }

    def get_urls(self):
        urls = super().get_urls()
        return [path("enterprises/", include(self.enterprises_app.urls[0])), *urls]
