from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner import apps


class PartnerConfig(apps.PartnerConfig):
    """Oscar's partner app as the province's enterprises: applications and the storefront list.

    One concept, one name: an *enterprise* (doanh nghiệp, HTX, hộ kinh doanh) everywhere in
    code, URLs and templates. Only the folder ``vendors/`` (the design's layout) and the
    app label ``partner`` (Oscar's ``Partner`` model, stock records and dashboard need it)
    keep other names.
    """

    name = "vendors"
    verbose_name = _("Enterprises")
    namespace = "enterprises"

    def get_urls(self):
        from .views import application, storefront

        urls = [
            path("", storefront.EnterpriseListView.as_view(), name="list"),
            path("apply/", application.ApplicationView.as_view(), name="apply"),
            path("apply/submit/", application.SubmitApplicationView.as_view(), name="apply-submit"),
            path("profile/", application.ProfileView.as_view(), name="profile"),
            path("documents/<int:pk>/", application.DocumentDownloadView.as_view(), name="document"),
            # "<slug>/" (name "detail"), each storefront with its products, is search's page:
            # marketplace.config mounts it here, after these.
        ]
        return self.post_process_urls(urls)
