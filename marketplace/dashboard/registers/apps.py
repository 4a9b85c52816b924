from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig
from oscar.core.loading import get_class

STAFF = ["is_staff"]
REVIEWERS = ["partner.review_enterprises"]


class RegistersDashboardConfig(OscarDashboardConfig):
    """The Department's registers that no review list already exports: the product register.

    For the Department's reviewers and the platform's staff; enterprise staff never reach it.
    """

    label = "registers_dashboard"
    name = "marketplace.dashboard.registers"
    verbose_name = _("Registers")

    default_permissions = (STAFF, REVIEWERS)  # either

    def ready(self):
        self.product_register_view = get_class("dashboard.registers.views", "ProductRegisterView")

    def get_urls(self):
        urls = [
            path("products/", self.product_register_view.as_view(), name="registers-products"),
        ]
        return self.post_process_urls(urls)
