from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig
from oscar.core.loading import get_class

ENTERPRISE_STAFF = ["partner.dashboard_access"]
REVIEWERS = ["partner.review_enterprises"]
ENTERPRISE_URLS = (
    "ocop-certificate-list",
    "ocop-certificate-create",
    "ocop-certificate-update",
    "ocop-lot-list",
    "ocop-lot-create",
    "ocop-lot-update",
    "ocop-lot-revise",
    "ocop-lot-qr",
    "ocop-listing-correction",
)


class OcopDashboardConfig(OscarDashboardConfig):
    """OCOP certificates and traceability lots: enterprises record them, the Department verifies.

    Enterprise staff reach only their own enterprise's records (the views scope every
    query to it); the verification queue is for the Department's reviewers.
    """

    label = "ocop_dashboard"
    name = "marketplace.dashboard.ocop"
    verbose_name = _("OCOP and traceability")

    default_permissions = REVIEWERS
    permissions_map = dict.fromkeys(ENTERPRISE_URLS, ENTERPRISE_STAFF)

    def ready(self):
        from . import tasks  # noqa: F401  the daily expiry reminders, which the catch-up runs by name

        views = "dashboard.ocop.views"
        self.certificate_list_view = get_class(f"{views}.certificates", "CertificateListView")
        self.certificate_create_view = get_class(f"{views}.certificates", "CertificateCreateView")
        self.certificate_update_view = get_class(f"{views}.certificates", "CertificateUpdateView")
        self.lot_list_view = get_class(f"{views}.lots", "LotListView")
        self.lot_create_view = get_class(f"{views}.lots", "LotCreateView")
        self.lot_update_view = get_class(f"{views}.lots", "LotUpdateView")
        self.lot_revise_view = get_class(f"{views}.lots", "LotReviseView")
        self.lot_qr_view = get_class(f"{views}.lots", "LotQrCodeView")
        self.queue_view = get_class(f"{views}.review", "CertificateQueueView")
        self.review_detail_view = get_class(f"{views}.review", "CertificateReviewView")
        self.review_decide_view = get_class(f"{views}.review", "CertificateDecisionView")
        self.origin_list_view = get_class(f"{views}.origins", "OriginQueueView")
        self.origin_detail_view = get_class(f"{views}.origins", "OriginReviewView")
        self.expiry_list_view = get_class(f"{views}.watchlist", "ExpiryWatchlistView")
        self.listing_list_view = get_class(f"{views}.moderation", "ListingSearchView")
        self.listing_corrections_view = get_class(f"{views}.moderation", "CorrectionQueueView")
        self.listing_detail_view = get_class(f"{views}.moderation", "ListingReviewView")
        self.listing_correction_view = get_class(f"{views}.moderation", "CorrectionRequestView")

    def get_urls(self):
        urls = [
            path("certificates/", self.certificate_list_view.as_view(), name="ocop-certificate-list"),
            path("certificates/new/", self.certificate_create_view.as_view(), name="ocop-certificate-create"),
            path(
                "certificates/<int:pk>/",
                self.certificate_update_view.as_view(),
                name="ocop-certificate-update",
            ),
            path("lots/", self.lot_list_view.as_view(), name="ocop-lot-list"),
            path("lots/new/", self.lot_create_view.as_view(), name="ocop-lot-create"),
            path("lots/<int:pk>/", self.lot_update_view.as_view(), name="ocop-lot-update"),
            path("lots/<int:pk>/revise/", self.lot_revise_view.as_view(), name="ocop-lot-revise"),
            path("lots/<int:pk>/qr.<str:fmt>", self.lot_qr_view.as_view(), name="ocop-lot-qr"),
            path("review/", self.queue_view.as_view(), name="ocop-review-list"),
            path("review/<int:pk>/", self.review_detail_view.as_view(), name="ocop-review-detail"),
            path("review/<int:pk>/decide/", self.review_decide_view.as_view(), name="ocop-review-decide"),
            path("origins/", self.origin_list_view.as_view(), name="ocop-origin-list"),
            path("origins/<int:pk>/", self.origin_detail_view.as_view(), name="ocop-origin-detail"),
            path("expiry/", self.expiry_list_view.as_view(), name="ocop-expiry-list"),
            path("listings/", self.listing_list_view.as_view(), name="ocop-listing-list"),
            path(
                "listings/corrections/",
                self.listing_corrections_view.as_view(),
                name="ocop-listing-corrections",
            ),
            path("listings/<int:pk>/", self.listing_detail_view.as_view(), name="ocop-listing-detail"),
            path(
                "listings/<int:pk>/correction/",
                self.listing_correction_view.as_view(),
                name="ocop-listing-correction",
            ),
        ]
        return self.post_process_urls(urls)
