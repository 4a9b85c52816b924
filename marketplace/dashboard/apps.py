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
        self.ocop_app = django_apps.get_app_config("ocop_dashboard")
        self.parcels_app = django_apps.get_app_config("parcels_dashboard")
        self.payouts_app = django_apps.get_app_config("payouts_dashboard")
        self.transfers_app = django_apps.get_app_config("transfers_dashboard")
        self.province_app = django_apps.get_app_config("province_dashboard")
        self.shipping_rates_app = django_apps.get_app_config("shipping_rates_dashboard")
        self.registers_app = django_apps.get_app_config("registers_dashboard")
        self.audit_app = django_apps.get_app_config("audit_dashboard")

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
        return [
            path("enterprises/", include(self.enterprises_app.urls[0])),
            path("ocop/", include(self.ocop_app.urls[0])),
            path("parcels/", include(self.parcels_app.urls[0])),
            path("payouts/", include(self.payouts_app.urls[0])),
            path("transfers/", include(self.transfers_app.urls[0])),
            path("province/", include(self.province_app.urls[0])),
            path("delivery-rates/", include(self.shipping_rates_app.urls[0])),
            path("registers/", include(self.registers_app.urls[0])),
            path("audit/", include(self.audit_app.urls[0])),
            *urls,
        ]
