"""The operator's warning, on an order's payment tab, of refunds made at Stripe that matched no parcel."""

from django import template

from marketplace.payment.bookkeeping import refunds_to_review as to_review

register = template.Library()


@register.inclusion_tag("payment/partials/refunds_to_review.html")
def refunds_to_review(order):
    return {"order": order, "events": list(to_review(order))}
