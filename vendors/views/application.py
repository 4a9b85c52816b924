"""An enterprise's application, its profile and its papers (to be built)."""

from django.http import Http404
from django.views import View


class ApplicationView(View):
    def get(self, request, *args, **kwargs):
        raise Http404


class SubmitApplicationView(ApplicationView):
    pass


class ProfileView(ApplicationView):
    pass


class DocumentDownloadView(ApplicationView):
    pass
