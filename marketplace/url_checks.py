"""Addresses holding a NUL byte are refused with a 400 before any view reads them.

No page of the site has a use for one, and PostgreSQL refuses it in any text it is
given ("A string literal cannot contain NUL"): ``/dashboard/orders/?order_number=ab%00cd``,
a search or a 404 looked up by Wagtail's redirects was a 500 there. Refusing the address
once keeps every view, filter form and middleware from having to guard against it.
"""

from urllib.parse import unquote

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _


def holds_nul(request):
    return "\x00" in request.path or "\x00" in unquote(request.META.get("QUERY_STRING", ""))


class NulByteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if holds_nul(request):
            message = _("This address contains invalid characters.")
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
