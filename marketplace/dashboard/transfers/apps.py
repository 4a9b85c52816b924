from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig
from oscar.core.loading import get_class


class TransfersDashboardConfig(OscarDashboardConfig):
    """Operators only: bank statements imported, and credits the marketplace could not match alone."""

    label = "transfers_dashboard"
    name = "marketplace.dashboard.transfers"
    verbose_name = _("Bank transfers")

    default_permissions = ["is_staff"]

    def ready(self):
        self.list_view = get_class("dashboard.transfers.views", "TransferListView")
        self.detail_view = get_class("dashboard.transfers.views", "TransferDetailView")
        self.settle_view = get_class("dashboard.transfers.views", "SettleView")
        self.import_view = get_class("dashboard.transfers.views", "StatementImportView")
        self.apply_view = get_class("dashboard.transfers.views", "StatementApplyView")

    def get_urls(self):
        urls = [
            path("", self.list_view.as_view(), name="transfer-list"),
            path("<int:pk>/", self.detail_view.as_view(), name="transfer-detail"),
            path("<int:pk>/<str:action>/", self.settle_view.as_view(), name="transfer-settle"),
            path("statement/", self.import_view.as_view(), name="transfer-statement"),
            path("statement/apply/", self.apply_view.as_view(), name="transfer-statement-apply"),
        ]
        return self.post_process_urls(urls)
