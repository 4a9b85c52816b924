"""Public storefronts of approved enterprises (to be built)."""

from django.http import Http404
from django.views import View


class EnterpriseListView(View):
    def get(self, request, *args, **kwargs):
        raise Http404


class EnterpriseDetailView(EnterpriseListView):
    pass
