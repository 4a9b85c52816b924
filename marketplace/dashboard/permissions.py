from oscar.apps.dashboard.permissions import DashboardPermission as OscarDashboardPermission


class DashboardPermission(OscarDashboardPermission):
    # The Department of Industry and Trade's reviewers.
    department_review = ["partner.review_enterprises"]

    @classmethod
    def operator(cls, app_label, *codenames):
        """The platform's staff holding these model permissions; enterprise staff never pass.

        For pages about whole orders, which hold several enterprises' parcels.
        """
        return [*cls.staff, *cls.get(app_label, *codenames)]
