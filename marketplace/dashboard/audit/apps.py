from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig
from oscar.core.loading import get_class


class AuditDashboardConfig(OscarDashboardConfig):
    """The audit log of every decision, for the Department's reviewers and the platform's operators.

    Enterprise staff never reach it: it names every enterprise and the province's figures.
    """

    label = "audit_dashboard"
    name = "marketplace.dashboard.audit"
    verbose_name = _("Audit log")

    def configure_permissions(self):
        DashboardPermission = get_class("dashboard.permissions", "DashboardPermission")
        self.default_permissions = (DashboardPermission.staff, DashboardPermission.department_review)
        self.permissions_map = {"audit-list": self.default_permissions}

    def ready(self):
        self.list_view = get_class("dashboard.audit.views", "AuditLogView")
        self.configure_permissions()

    def get_urls(self):
        return self.post_process_urls([path("", self.list_view.as_view(), name="audit-list")])
