from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig
from oscar.core.loading import get_class


class ParcelsDashboardConfig(OscarDashboardConfig):
    """Each enterprise's parcels to pack, ship and deliver; the platform's staff see them all."""

    label = "parcels_dashboard"
    name = "marketplace.dashboard.parcels"
    verbose_name = _("Parcels")

    default_permissions = ["is_staff"]

    def configure_permissions(self):
        DashboardPermission = get_class("dashboard.permissions", "DashboardPermission")
        staff_or_enterprise = (DashboardPermission.staff, DashboardPermission.partner_dashboard_access)
        self.permissions_map = {
            "parcel-list": staff_or_enterprise,
            "parcel-detail": staff_or_enterprise,
            "parcel-move": staff_or_enterprise,
        }

    def ready(self):
        self.list_view = get_class("dashboard.parcels.views", "ParcelListView")
        self.detail_view = get_class("dashboard.parcels.views", "ParcelDetailView")
        self.move_view = get_class("dashboard.parcels.views", "ParcelMoveView")
        self.configure_permissions()

    def get_urls(self):
        urls = [
            path("", self.list_view.as_view(), name="parcel-list"),
            path("<str:number>/", self.detail_view.as_view(), name="parcel-detail"),
            path("<str:number>/move/", self.move_view.as_view(), name="parcel-move"),
        ]
        return self.post_process_urls(urls)
