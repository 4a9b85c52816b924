from oscar.apps.dashboard.permissions import DashboardPermission as OscarDashboardPermission


class DashboardPermission(OscarDashboardPermission):
    # The Department of Industry and Trade's reviewers.
    department_review = ["partner.review_enterprises"]
