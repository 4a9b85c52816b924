"""Wagtail's page URLs, with English pages under /en/ falling back to the Vietnamese ones.

Wagtail routes a request from the site's home page in the active language (``/en/…`` routes
through the English home page, once an editor translated it), so a page nobody translated yet
would be a 404 in English. Here such an address serves the Vietnamese page, in the English
interface, and a Vietnamese page with a live English translation sends English visitors to it
(its address may differ when the editor changed the slug).
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.urls import re_path
from django.utils import translation
from wagtail import urls as wagtail_urls
from wagtail import views
from wagtail.models import Page

SERVE_VIEW = "wagtail_serve"


def serve(request, path):
    try:
        return views.serve(request, path)
    except Http404:
        if translation.get_language() == settings.LANGUAGE_CODE:
            raise
    request.__dict__.pop("_wagtail_route_for_request", None)
    with translation.override(settings.LANGUAGE_CODE):
        route = Page.route_for_request(request, path)  # kept on the request for views.serve
    if route is None:
        raise Http404
    page, args, kwargs = route
    translated = page.localized
    if translated.pk != page.pk and not (args or kwargs):
        return redirect(translated.get_url(request))
    return views.serve(request, path)


def _patterns():
    for pattern in wagtail_urls.urlpatterns:
        if pattern.name == SERVE_VIEW:
            yield re_path(pattern.pattern.regex.pattern, serve, name=SERVE_VIEW)
        else:
            yield pattern


urlpatterns = list(_patterns())
