from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig
from oscar.core.loading import get_class


class EnterprisesDashboardConfig(OscarDashboardConfig):
    """The Department's review queue of enterprises, for its reviewers only."""

    label = "enterprises_dashboard"
    name = "marketplace.dashboard.enterprises"
    verbose_name = _("Enterprise review")

    default_permissions = ["partner.review_enterprises"]

    def ready(self):
        self.list_view = get_class("dashboard.enterprises.views", "ReviewQueueView")
        self.detail_view = get_class("dashboard.enterprises.views", "ReviewDetailView")
        self.decide_view = get_class("dashboard.enterprises.views", "ReviewDecisionView")

    def get_urls(self):
        urls = [
            path("", self.list_view.as_view(), name="enterprise-review-list"),
            path("<int:pk>/", self.detail_view.as_view(), name="enterprise-review-detail"),
            path("<int:pk>/decide/", self.decide_view.as_view(), name="enterprise-review-decide"),
        ]
        return self.post_process_urls(urls)
