"""Template tags of the review pages."""

from django import template
from oscar.templatetags.reviews_tags import as_stars

from catalogue.reviews.eligibility import eligibility

register = template.Library()


@register.simple_tag
def review_eligibility(product, user):
    """Whether the visitor may review the product, with the sentence telling them why not."""
    return eligibility(product, user)


@register.filter
def typed_score_as_stars(value):
    """Oscar's ``as_stars`` for a score as typed in the form, which may be text or nonsense."""
    try:
        return as_stars(float(value))
    except (TypeError, ValueError):
        return as_stars(None)
