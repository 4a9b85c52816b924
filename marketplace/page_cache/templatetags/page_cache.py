from django import template
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from oscar.core.loading import get_class, get_model

from ..personal import REGIONS, stand_ins, viewed_elsewhere, wrap

register = template.Library()

CustomerHistoryManager = get_class("customer.history", "CustomerHistoryManager")
Vote = get_model("reviews", "Vote")


@register.simple_tag(takes_context=True)
def personal(context, name, **args):
    """A region of the page that is each shopper's own (``marketplace.page_cache.personal``).

    ``{% personal "wishlist" product=product.pk %}``: the region's template, rendered here with
    the page's context and stand-ins for its arguments, exactly as it is rendered again later
    for a shopper whose region differs from the cached page's.
    """
    args = {key: str(value) for key, value in args.items()}
    with context.push(**stand_ins(args)):
        html = get_template(REGIONS[name]).template.render(context)
    return mark_safe(wrap(name, args, html))


@register.simple_tag(takes_context=True)
def viewed_products(context):
    """The shopper's recently viewed products (Oscar's history cookie), without the product of this page."""
    request = context["request"]
    if not viewed_elsewhere(request):
        return []  # nothing to fetch
    products = CustomerHistoryManager.get(request)
    match = request.resolver_match
    if match is not None and match.view_name == "catalogue:detail":
        products = [product for product in products if str(product.pk) != str(match.kwargs.get("pk"))]
    return products


@register.simple_tag(takes_context=True)
def may_vote_on(context, review):
    """Whether the shopper may vote on ``review``: signed in, not its author, not voted yet (Oscar's rule)."""
    user = context.get("user")
    if user is None or not user.is_authenticated or review.user_id == user.pk:
        return False
    return review.pk not in _voted_on(context.get("request"), user, review.product_id)


def _voted_on(request, user, product_id):
    """The reviews of the product the shopper voted on: one query per product and request, however
    many reviews the page shows."""
    remembered = getattr(request, "_reviews_voted_on", None) if request is not None else None
    if remembered is None:
        remembered = {}
        if request is not None:
            request._reviews_voted_on = remembered
    key = (user.pk, product_id)
    if key not in remembered:
        votes = Vote.objects.filter(user=user, review__product_id=product_id)
        remembered[key] = frozenset(votes.values_list("review_id", flat=True))
    return remembered[key]
