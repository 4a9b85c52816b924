"""The Content-Security-Policy of each response.

The policy itself is ``CONTENT_SECURITY_POLICY`` in the settings: this site only, scripts only
from its static files or carrying the request's nonce. Two pages need more, and get it here:

- the card page loads Stripe.js and lets it reach Stripe (``allows_stripe``); the origins come
  from ``STRIPE_JS_URL`` per request, so tests pointing it at localstripe are allowed too;
- Wagtail's editor under ``/cms/`` writes inline scripts from its form widgets (date pickers,
  inline panels), which have no request to take a nonce from, and frames its own previews:
  there scripts may be inline and pages may be framed by the site itself (``CMS_POLICY``).
  Only signed-in editors reach those pages.
"""

from functools import wraps
from urllib.parse import urlsplit

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings

STRIPE_JS_ORIGIN = "https://js.stripe.com"

# Replaces the settings' directives of the same name under /cms/ (see the module's docstring).
CMS_POLICY = {
    "script-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "frame-ancestors": [SELF],
}


def origin_of(url):
    """``scheme://host[:port]`` of an absolute URL; "" for a relative one."""
    parts = urlsplit(url or "")
    if not parts.scheme or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc}"


def stripe_sources(js_url):
    """The directives the card page adds to reach the Stripe.js that ``js_url`` names.

    The real Stripe.js runs its card fields and 3-D Secure in frames of its own, talks to
    api.stripe.com and shows card-brand images (Stripe's documented policy); a stand-in such as
    localstripe serves its script and answers its requests from one origin.
    """
    origin = origin_of(js_url)
    if not origin:
        return {}
    if origin == STRIPE_JS_ORIGIN:
        frames = [origin, "https://*.js.stripe.com", "https://hooks.stripe.com"]
        return {
            "script-src": [origin, "https://*.js.stripe.com"],
            "frame-src": frames,
            "connect-src": ["https://api.stripe.com"],
            "img-src": ["https://*.stripe.com"],
        }
    return {"script-src": [origin], "frame-src": [origin], "connect-src": [origin]}


def is_cms_path(path):
    return path == "/cms" or path.startswith("/cms/")


def allows_stripe(view):
    """Let the page ``view`` renders load Stripe.js and reach Stripe (see ``stripe_sources``)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response._csp_update = stripe_sources(settings.STRIPE_JS_URL)
        return response

    return wrapped


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing Wagtail's editor policy under /cms/."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if is_cms_path(request.path_info):
            parts.replace = {**CMS_POLICY, **(parts.replace or {})}
            # A nonce would switch 'unsafe-inline' off (CSP level 2), and Wagtail's scripts carry none.
            parts.nonce = None
        return parts
