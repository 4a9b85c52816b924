"""The parts of a cached page that are each shopper's own, rendered again for them on the way out.

A cached page is always rendered as for a visitor: signed out, empty basket, no messages, no
history. Whatever would differ for someone else (the account links, the mini basket, messages,
the wish-list button, the stock alert, review bylines and votes, recently viewed products) is a
*region*: a template rendered by ``{% personal %}`` between two HTML comments naming it and its
arguments. Serving the page to a shopper whose parts differ renders just those regions for them,
with one set of context processors for all of them.
"""

import re
from contextlib import contextmanager
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.template import Context, engines
from django.template.loader import get_template
from oscar.core.loading import get_class, get_model

# Region name -> template. Only these names are rendered from a marker.
REGIONS = {
    "account": "oscar/partials/nav_accounts.html",
    "basket": "oscar/partials/mini_basket.html",
    "messages": "oscar/partials/alert_messages.html",
    "wishlist": "oscar/catalogue/partials/add_to_wishlist.html",
    "stock-alert": "oscar/catalogue/partials/stock_alert.html",
    "recently-viewed": "oscar/catalogue/partials/recently_viewed.html",
    "review-votes": "oscar/catalogue/partials/review_votes.html",
    "review-byline": "oscar/catalogue/partials/review_byline.html",
}

_OPEN = "<!--personal:{name}{args}-->"
_CLOSE = "<!--/personal-->"
_REGION = re.compile(rb"<!--personal:([a-z-]+)(?: ([^>]*))?-->.*?<!--/personal-->", re.DOTALL)

CustomerHistoryManager = get_class("customer.history", "CustomerHistoryManager")
HISTORY_COOKIE = CustomerHistoryManager.cookie_name


def stand_ins(args):
    """Template values from a region's arguments: a product or a review by id, the rest as text."""
    values = dict(args)
    if "product" in values:
        values["product"] = get_model("catalogue", "Product")(pk=int(values["product"]))
    if "review" in values:
        author = values.pop("author", None)
        values["review"] = get_model("reviews", "ProductReview")(
            pk=int(values["review"]),
            user_id=int(author) if author and author != "None" else None,
            product_id=values["product"].pk if "product" in values else None,
        )
    return values


def render_region(name, args, context_data):
    template = get_template(REGIONS[name])
    with_args = {**context_data, **stand_ins(args)}
    return template.template.render(Context(with_args, autoescape=True))


def wrap(name, args, html):
    encoded = f" {urlencode(sorted(args.items()))}" if args else ""
    return f"{_OPEN.format(name=name, args=encoded)}{html}{_CLOSE}"


def differs(name, request):
    """Whether region ``name`` is not the visitor's for this request (rendered again only then)."""
    if name == "messages":
        return bool(len(getattr(request, "_messages", ()) or ()))
    if name == "recently-viewed":
        return bool(viewed_elsewhere(request))
    if name == "basket" and settings.OSCAR_BASKET_COOKIE_OPEN in request.COOKIES:
        return True
    return request.user.is_authenticated  # account links, basket, wish lists, votes


def viewed_elsewhere(request):
    """The ids in the shopper's history cookie, without the product this page shows (no query)."""
    if HISTORY_COOKIE not in request.COOKIES:
        return []
    ids = CustomerHistoryManager.extract(request)
    match = request.resolver_match
    if match is not None and match.view_name == "catalogue:detail":
        ids = [pk for pk in ids if str(pk) != str(match.kwargs.get("pk"))]
    return ids


def fill(request, content: bytes) -> bytes:
    """``content`` with every region that differs from the visitor's rendered for this request;
    ``content`` itself when none does (a visitor's request)."""
    context_data = None
    differing = {name for name in REGIONS if differs(name, request)}
    if not differing:
        return content

    def own(match):
        nonlocal context_data
        name = match.group(1).decode()
        if name not in differing:
            return match.group(0)
        if context_data is None:
            context_data = _processed_context(request)
        args = dict(parse_qsl((match.group(2) or b"").decode()))
        return wrap(name, args, render_region(name, args, context_data)).encode()

    return _REGION.sub(own, content)


def _processed_context(request):
    engine = engines["django"].engine
    data = {}
    for processor in engine.template_context_processors:
        data.update(processor(request))
    return data


_SWAPPED = ("user", "basket", "_messages", "COOKIES")


@contextmanager
def as_visitor(request):
    """The request seen as a visitor's while the page is rendered for the cache."""
    Basket = get_model("basket", "Basket")
    saved = {name: request.__dict__[name] for name in _SWAPPED if name in request.__dict__}
    basket = Basket()
    basket.strategy = request.strategy
    request.user = AnonymousUser()
    request.basket = basket
    request._messages = _NoMessages()
    request.COOKIES = {}  # no history, no basket: the CSRF token is a stand-in until the page leaves
    try:
        yield request
    finally:
        for name in _SWAPPED:
            if name in saved:
                request.__dict__[name] = saved[name]
            else:
                request.__dict__.pop(name, None)


class _NoMessages(list):
    """An empty message storage: the visitor's page shows no message."""

    level = 0

    def add(self, *args, **kwargs):
        pass

    def update(self, response):
        return []
