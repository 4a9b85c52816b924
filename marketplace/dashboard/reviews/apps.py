import oscar.apps.dashboard.reviews.apps as apps
from django.urls import path
from oscar.core.loading import get_class


class ReviewsDashboardConfig(apps.ReviewsDashboardConfig):
    """Oscar's reviews dashboard, where operators publish or hide reviews.

    Its pages need the reviews permissions, which enterprise staff never hold (they have
    ``partner.dashboard_access`` alone): an enterprise cannot hide what shoppers say of it.
    It can answer them: the reply pages are its staff's (``catalogue.reviews.replies``).
    """

    name = "marketplace.dashboard.reviews"

    def configure_permissions(self):
        super().configure_permissions()
        DashboardPermission = get_class("dashboard.permissions", "DashboardPermission")
        self.permissions_map["review-reply-list"] = DashboardPermission.partner_dashboard_access
        self.permissions_map["review-reply"] = DashboardPermission.partner_dashboard_access

    def ready(self):
        super().ready()
        self.reply_list_view = get_class("dashboard.reviews.reply_views", "ReplyListView")
        self.reply_view = get_class("dashboard.reviews.reply_views", "ReplyView")

    def get_urls(self):
        urls = [
            path("replies/", self.reply_list_view.as_view(), name="review-reply-list"),
            path("replies/<int:pk>/", self.reply_view.as_view(), name="review-reply"),
        ]
        return super().get_urls() + self.post_process_urls(urls)
