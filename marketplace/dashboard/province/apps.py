from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig
from oscar.core.loading import get_class


class ProvinceDashboardConfig(OscarDashboardConfig):
    """The province's figures: for the Department's reviewers and the platform's operators only."""

    label = "province_dashboard"
    name = "marketplace.dashboard.province"
    verbose_name = _("Province figures")

    default_permissions = ["is_staff"]

    def configure_permissions(self):
        DashboardPermission = get_class("dashboard.permissions", "DashboardPermission")
        department = (DashboardPermission.staff, DashboardPermission.department_review)
        self.permissions_map = {"province-console": department, "province-report": department}

    def ready(self):
        self.console_view = get_class("dashboard.province.views", "ProvinceConsoleView")
        self.report_view = get_class("dashboard.province.views", "ProvinceReportView")
        self.configure_permissions()

    def get_urls(self):
        urls = [
            path("", self.console_view.as_view(), name="province-console"),
            path("report/<str:month>.pdf", self.report_view.as_view(), name="province-report"),
        ]
        return self.post_process_urls(urls)
