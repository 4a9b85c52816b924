"""Which pages are cached whole, and the tags of what each shows.

A page is cached only if its URL name is here. Tags name what a change touches
(:mod:`.changes`): ``product:<id>`` a product's page; ``enterprise:<id>`` its storefront;
``listing`` anything that lists products (lists, search, storefronts, content with product
blocks), since any product change may add, drop or move one; ``cms`` the content pages;
``everything`` what every page shows (categories in the menu, the province's footer).
"""

from oscar.apps.catalogue.signals import product_viewed
from oscar.core.loading import get_class, get_model

LISTING = "listing"
CMS = "cms"


def product_tag(pk):
    return f"product:{pk}"


def enterprise_tag(pk):
    return f"enterprise:{pk}"


def _listing(context):
    return {LISTING}


def _product_page(context):
    product = context["product"]
    tags = {product_tag(product.pk)}
    if getattr(product, "has_recommendations", True):
        tags.add(LISTING)  # its recommendations' cards
    return tags


def _storefront(context):
    return {enterprise_tag(context["enterprise"].pk), LISTING}


def _content_page(context):
    page = context.get("page")
    if page is None or page.get_view_restrictions().exists():
        return None  # a private page is never cached
    return {CMS, LISTING} if _shows_products(page) else {CMS}


def _shows_products(page):
    """Whether a content page has a row of products (``cms.blocks.ProductsBlock``) in its body."""
    if getattr(page, "lists_products", False):  # e.g. a place page (cms.place_pages)
        return True
    body = getattr(page, "body", None) or ()
    return any(block.block_type == "products" for block in body)


# URL name -> the page's tags from its rendered context (None: this one is not to be cached).
POLICIES = {
    "wagtail_serve": _content_page,
    "catalogue:index": _listing,
    "catalogue:category": _listing,
    "catalogue:detail": _product_page,
    "search:search": _listing,
    "enterprises:list": _listing,
    "enterprises:detail": _storefront,
}


def tags_for(view_name, context):
    """The tags of a rendered page, or ``None`` when it is not cached."""
    policy = POLICIES.get(view_name)
    if policy is None or context is None:
        return None
    tags = policy(context)
    return None if tags is None else frozenset(tags)


def is_cached(view_name):
    return view_name in POLICIES


def _product_viewed(request, response, rendered):
    """What Oscar does when a product page is shown: the shopper's history cookie, the view counts."""
    product = get_model("catalogue", "Product")(pk=int(request.resolver_match.kwargs["pk"]))
    if rendered:
        # Rendered for the cache as for a visitor: the view counted it, but the history is this shopper's.
        get_class("customer.history", "CustomerHistoryManager").update(product, request, response)
    else:
        sender = getattr(request.resolver_match.func, "view_class", None)
        product_viewed.send(
            sender=sender, product=product, user=request.user, request=request, response=response
        )


# URL name -> what serving the page does besides answering (from the cache or rendered for it).
ON_SERVE = {"catalogue:detail": _product_viewed}


def served(view_name, request, response, rendered):
    hook = ON_SERVE.get(view_name)
    if hook is not None and response.status_code == 200:
        hook(request, response, rendered)
