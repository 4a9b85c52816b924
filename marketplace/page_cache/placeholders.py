"""The request's CSRF token and script nonce, written into every response as it leaves, not as it renders.

Templates render a fixed stand-in for both (these context processors replace Django's and
django-csp's), so the same HTML, rendered once and cached, serves every visitor; the
middleware swaps in this request's values on the way out. Asking for them then is also what
makes Django send the CSRF cookie and django-csp name the nonce in the policy header, only
when the page carries them.
"""

from django.middleware.csrf import get_token

CSRF_TOKEN = "csrfplaceholderc0ffee5e1f1a6d7b9"
NONCE = "nonceplaceholder7a1c5e"

_TEXT_TYPES = ("text/", "application/json", "application/javascript", "application/ld+json")


def csrf(request):
    """``csrf_token`` for ``{% csrf_token %}``: the stand-in, filled in per response."""
    return {"csrf_token": CSRF_TOKEN}


def nonce(request):
    """``CSP_NONCE`` for inline scripts: the stand-in, filled in per response."""
    return {"CSP_NONCE": NONCE}


def fill(request, content: bytes) -> bytes:
    """``content`` with this request's CSRF token and nonce in place of the stand-ins."""
    if CSRF_TOKEN.encode() in content:
        content = content.replace(CSRF_TOKEN.encode(), get_token(request).encode())
    if NONCE.encode() in content:
        content = content.replace(NONCE.encode(), str(request.csp_nonce).encode())
    return content


def fill_response(request, response):
    """The response with the stand-ins filled in, when it is text held in memory."""
    if getattr(response, "streaming", False) or not response.get("Content-Type", "").startswith(_TEXT_TYPES):
        return response
    filled = fill(request, response.content)
    if filled is not response.content:
        response.content = filled
    return response
