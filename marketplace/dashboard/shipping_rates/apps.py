from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig
from oscar.core.loading import get_class


class ShippingRatesDashboardConfig(OscarDashboardConfig):
    """The delivery rates an enterprise offers for its parcels, set by its own staff."""

    label = "shipping_rates_dashboard"
    name = "marketplace.dashboard.shipping_rates"
    verbose_name = _("Delivery rates")

    default_permissions = ["partner.dashboard_access"]

    def ready(self):
        views = "dashboard.shipping_rates.views"
        self.list_view = get_class(views, "ShippingRateListView")
        self.create_view = get_class(views, "ShippingRateCreateView")
        self.update_view = get_class(views, "ShippingRateUpdateView")
        self.delete_view = get_class(views, "ShippingRateDeleteView")

    def get_urls(self):
        urls = [
            path("", self.list_view.as_view(), name="shipping-rate-list"),
            path("new/", self.create_view.as_view(), name="shipping-rate-create"),
            path("<int:pk>/", self.update_view.as_view(), name="shipping-rate-update"),
            path("<int:pk>/delete/", self.delete_view.as_view(), name="shipping-rate-delete"),
        ]
        return self.post_process_urls(urls)
