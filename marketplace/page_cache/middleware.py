"""Serving shopper pages whole from the cache.

A page named in :mod:`.policies`, asked with GET by a visitor or a shopper (not staff, who may
see what shoppers cannot), is served from the cache when nothing it shows has changed since
it was rendered: the cached page carries the content revision it was rendered under and the
tags of what it shows, and :mod:`.revisions` says in one query which tags changed since. A
missing or stale page is rendered as for a visitor (:func:`.personal.as_visitor`) and kept.
Either way the shopper's own regions are rendered for them (:mod:`.personal`) and every
response leaving here gets the request's CSRF token and nonce (:mod:`.placeholders`).
"""

from django.conf import settings
from django.http import HttpResponse

from marketplace import content_revision

from . import personal, placeholders, policies, revisions, store

SERVED_HEADER = "X-Page-Cache"  # "hit" or "miss": for people and the benchmark, not for logic


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # One revision query per request, shared with what is kept under it (the menu, the settings).
        with content_revision.asked_once(revisions.current):
            response = self.get_response(request)
        return placeholders.fill_response(request, response)

    def process_view(self, request, view_func, view_args, view_kwargs):
        view_name = request.resolver_match.view_name if request.resolver_match else ""
        if not (policies.is_cached(view_name) and self.may_use_cache(request)):
            return None
        now = content_revision.current()
        page = store.get(request)
        if page is not None and self.is_fresh(page, now):
            if page.revision != now:
                store.put(request, page.at(now))  # still right: the next check is one comparison
            response = HttpResponse(page.content(), content_type=page.content_type)
            response[SERVED_HEADER] = "hit"
            policies.served(view_name, request, response, rendered=False)
        else:
            response = self.render_for_cache(request, view_func, view_args, view_kwargs, view_name, now)
            policies.served(view_name, request, response, rendered=True)
        content = response.content
        filled = personal.fill(request, content)
        if filled is not content:
            response.content = filled
        return response

    @staticmethod
    def may_use_cache(request):
        if not settings.PAGE_CACHE_ENABLED or request.method not in ("GET", "HEAD"):
            return False
        return not request.user.is_staff

    @staticmethod
    def is_fresh(page, now):
        changed = revisions.changed_since(page.revision, now)
        return changed is not None and revisions.EVERYTHING not in changed and not (changed & page.tags)

    @staticmethod
    def render_for_cache(request, view_func, view_args, view_kwargs, view_name, now):
        with personal.as_visitor(request):
            response = view_func(request, *view_args, **view_kwargs)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
        # What the view set for the visitor it was shown (a history cookie, a session) is not this shopper's.
        response.cookies.clear()
        response[SERVED_HEADER] = "miss"
        if response.status_code == 200 and not _is_private(response):
            tags = policies.tags_for(view_name, getattr(response, "context_data", None))
            if tags is not None:
                store.put(request, store.CachedPage.of(now, tags, response))
        return response


def _is_private(response):
    cache_control = response.get("Cache-Control", "")
    return "private" in cache_control or "no-store" in cache_control
