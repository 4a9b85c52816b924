from dataclasses import dataclass

from django import template
from django.db.models import Exists, OuterRef
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from oscar.core.loading import get_class, get_model

from ..personal import REGIONS, stand_ins, viewed_elsewhere, wrap

register = template.Library()

Product = get_model("catalogue", "Product")
ProductAlert = get_model("customer", "ProductAlert")
ProductAlertForm = get_class("customer.forms", "ProductAlertForm")
Vote = get_model("reviews", "Vote")
WishList = get_model("wishlists", "WishList")
WishListLine = get_model("wishlists", "Line")


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
    ids = viewed_elsewhere(context["request"])
    if not ids:
        return []  # nothing to fetch
    found = Product.objects.browsable().in_bulk(ids)
    return [found[pk] for pk in reversed(ids) if pk in found]  # the latest first, as Oscar lists them


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


@dataclass(frozen=True)
class StockAlert:
    """The shopper's stock alert for a product: whether one is active, else the form asking for one."""

    is_active: bool
    form: object


@register.simple_tag(takes_context=True)
def stock_alert(context, product):
    """Asked only where the product is out of stock (the region is there alone)."""
    user = context.get("user")
    signed_in = user is not None and user.is_authenticated
    active = (
        signed_in
        and ProductAlert.objects.filter(product_id=product.pk, user=user, status=ProductAlert.ACTIVE).exists()
    )
    return StockAlert(is_active=active, form=None if active else ProductAlertForm(user=user, product=product))


@register.simple_tag(takes_context=True)
def shopper_wishlists(context, product):
    """The shopper's wish lists, each knowing whether it holds ``product``: one query (Oscar's
    button asks twice)."""
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return []
    holding = WishListLine.objects.filter(wishlist=OuterRef("pk"), product_id=product.pk)
    return list(WishList.objects.filter(owner=user).annotate(holds_product=Exists(holding)))
