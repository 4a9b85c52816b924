"""What an enterprise's product page in the dashboard shows of the Department's listing moderation."""

from django import template

from catalogue import moderation

from ..moderation_forms import CorrectionForm

register = template.Library()


@register.simple_tag
def listing_notice(product):
    """For a product that is not listed: the hiding decision to correct and the form asking for a review.

    None for a listed product, or on the page creating one (where ``product`` is missing): the page
    asks nothing more.
    """
    if not getattr(product, "pk", None) or product.is_listed:
        return None
    return {"hiding": moderation.latest_hiding(product), "form": CorrectionForm(product)}
