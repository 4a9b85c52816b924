"""Pages whose search cannot be answered say so with a 503, never a 500.

Shoppers' pages (catalogue, search, storefronts, content pages with product
rows) reach search through :mod:`search.services`; when neither the cluster
nor the database index can answer, the one place that turns that into a
response is here: a short "search is briefly unavailable" page, or an empty
JSON answer for autocomplete, both with ``Retry-After`` and never cached.
"""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from .backends.database.cache import version_read_once
from .failover import SearchUnavailable

JSON_VIEWS = {"search:suggest"}


class SearchUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, SearchUnavailable):
            return unavailable_response(request, exception.retry_after)
        return None


class IndexVersionMiddleware:
    """A request's searches read the index version once (``search.backends.database.cache``):
    a content page runs one search per product row."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with version_read_once():
            return self.get_response(request)


def unavailable_response(request, retry_after):
    message = _("Product search is briefly unavailable. Please try again in a minute.")
    if _wants_json(request):
        response = JsonResponse({"suggestions": [], "detail": message}, status=503)
    else:
        response = TemplateResponse(
            request,
            "search/unavailable.html",
            {"message": message, "retry_url": request.get_full_path()},
            status=503,
        )
        # Rendered here: an error raised while a page was rendering (a content page's product
        # row) is answered after Django's own rendering step.
        response.render()
    response["Retry-After"] = str(retry_after)
    add_never_cache_headers(response)
    # Django logs every 5xx at ERROR (mailed to ADMINS); search.failover has already warned
    # once for the outage, which would otherwise be reported once per shopper's request.
    response._has_been_logged = True
    return response


def _wants_json(request):
    match = getattr(request, "resolver_match", None)
    if match is not None and match.view_name in JSON_VIEWS:
        return True
    return request.accepts("application/json") and not request.accepts("text/html")
