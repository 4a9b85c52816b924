from django.urls import path, re_path
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
            "parcel-invoice-file": staff_or_enterprise,
            "parcel-invoice-record": staff_or_enterprise,
            "parcel-invoices": staff_or_enterprise,
            "parcel-invoices-file": staff_or_enterprise,
        }

    def ready(self):
        self.list_view = get_class("dashboard.parcels.views", "ParcelListView")
        self.detail_view = get_class("dashboard.parcels.views", "ParcelDetailView")
        self.move_view = get_class("dashboard.parcels.views", "ParcelMoveView")
        self.invoice_file_view = get_class("dashboard.parcels.invoice_views", "ParcelInvoiceFileView")
        self.invoice_record_view = get_class("dashboard.parcels.invoice_views", "IssuedInvoiceView")
        self.invoices_view = get_class("dashboard.parcels.invoice_views", "MonthlyInvoicesView")
        self.invoices_file_view = get_class("dashboard.parcels.invoice_views", "MonthlyInvoiceFileView")
        self.configure_permissions()

    def get_urls(self):
        urls = [
            path("", self.list_view.as_view(), name="parcel-list"),
            # The enterprise's e-invoice data (marketplace.invoicing), by month and by parcel.
            path("invoices/", self.invoices_view.as_view(), name="parcel-invoices"),
            re_path(
                r"^invoices/(?P<month>[^/]+)\.(?P<kind>xml|csv)$",
                self.invoices_file_view.as_view(),
                name="parcel-invoices-file",
            ),
            path("<str:number>/", self.detail_view.as_view(), name="parcel-detail"),
            path("<str:number>/move/", self.move_view.as_view(), name="parcel-move"),
            path("<str:number>/invoice/", self.invoice_record_view.as_view(), name="parcel-invoice-record"),
            re_path(
                r"^(?P<number>[^/]+)/invoice\.(?P<kind>xml|csv)$",
                self.invoice_file_view.as_view(),
                name="parcel-invoice-file",
            ),
        ]
        return self.post_process_urls(urls)
