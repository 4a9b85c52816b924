"""The dashboard's home: Oscar's shop-wide figures for the operator, an enterprise's own for its staff."""

from django.shortcuts import redirect
from oscar.apps.dashboard import views

from .enterprise_home import enterprise_home, monthly_export


def is_department_reviewer(user):
    """A Department reviewer who is neither an operator nor enterprise staff: the console is their home."""
    return (
        not user.is_staff
        and user.has_perm("partner.review_enterprises")
        and not user.has_perm("partner.dashboard_access")
    )


class IndexView(views.IndexView):
    """Oscar's figures for a partner are those of whole orders, other enterprises' lines included;
    enterprise staff see their parcels' figures instead, and the Department's reviewers go on to
    the province console."""

    def get(self, request, *args, **kwargs):
        if is_department_reviewer(request.user):
            return redirect("dashboard:province-console")
        return monthly_export(request) or super().get(request, *args, **kwargs)

    def get_template_names(self):
        if self.request.user.is_staff:
            return ["oscar/dashboard/index.html"]
        return ["oscar/dashboard/index_nonstaff.html"]

    def get_stats(self):
        user = self.request.user
        if user.is_staff:
            return super().get_stats()
        if not user.has_perm("partner.dashboard_access"):
            return {"figures": None}
        return enterprise_home(self.request)
