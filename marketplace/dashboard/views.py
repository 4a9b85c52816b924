"""The dashboard's home: Oscar's shop-wide figures for the operator, an enterprise's own for its staff."""

from oscar.apps.dashboard import views

from .figures import enterprise_figures


class IndexView(views.IndexView):
    """Oscar's figures for a partner are those of whole orders, other enterprises' lines included;
    enterprise staff see their parcels' figures instead, and reviewers the way to their queues."""

    def get_template_names(self):
        if self.request.user.is_staff:
            return ["oscar/dashboard/index.html"]
        return ["oscar/dashboard/index_nonstaff.html"]

    def get_stats(self):
        user = self.request.user
        if user.is_staff:
            return super().get_stats()
        return {"figures": enterprise_figures(user) if user.has_perm("partner.dashboard_access") else None}
