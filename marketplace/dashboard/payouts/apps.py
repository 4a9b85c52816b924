from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig
from oscar.core.loading import get_class


class PayoutsDashboardConfig(OscarDashboardConfig):
    """Monthly statements for each enterprise (its own to enterprise staff), and payouts for operators."""

    label = "payouts_dashboard"
    name = "marketplace.dashboard.payouts"
    verbose_name = _("Payouts")

    default_permissions = ["is_staff"]

    def configure_permissions(self):
        DashboardPermission = get_class("dashboard.permissions", "DashboardPermission")
        staff_or_enterprise = (DashboardPermission.staff, DashboardPermission.partner_dashboard_access)
        self.permissions_map = {
            "payout-list": staff_or_enterprise,
            "payout-statement": staff_or_enterprise,
            "payout-statement-csv": staff_or_enterprise,
            "payout-pay": (DashboardPermission.staff,),
            "payout-declaration": (DashboardPermission.staff,),
        }

    def ready(self):
        self.list_view = get_class("dashboard.payouts.views", "StatementListView")
        self.statement_view = get_class("dashboard.payouts.views", "StatementView")
        self.csv_view = get_class("dashboard.payouts.views", "StatementCSVView")
        self.pay_view = get_class("dashboard.payouts.views", "PayoutView")
        self.declaration_view = get_class("dashboard.payouts.views", "DeclarationView")
        self.configure_permissions()

    def get_urls(self):
        month = "<int:enterprise>/<int:year>/<int:month>/"
        urls = [
            path("", self.list_view.as_view(), name="payout-list"),
            path(month, self.statement_view.as_view(), name="payout-statement"),
            path(f"{month}csv/", self.csv_view.as_view(), name="payout-statement-csv"),
            path(f"{month}pay/", self.pay_view.as_view(), name="payout-pay"),
            path("tax-withheld/", self.declaration_view.as_view(), name="payout-declaration"),
        ]
        return self.post_process_urls(urls)
