"""Content pages take their Wagtail Site from what is kept under the content revision.

Wagtail's ``serve`` looks the Site up (``Site.find_for_request``, a query) before the page is
routed, ahead of the footer that keeps it with the province's settings
(:meth:`cms.models.ProvinceSettings.for_request`). Asked first here, that kept Site is the one
Wagtail finds on the request; a change to any Site records "everything", so it is never stale.
"""

from .models import ProvinceSettings

SERVE_VIEW = "wagtail_serve"


class KeptSiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is not None and match.view_name == SERVE_VIEW:
            ProvinceSettings.for_request(request)  # sets request._wagtail_site
        return None
