"""Operators moderate reviews after publication: hide one with a reason, or publish it again.

Saving a review recomputes the product's rating from its published reviews (Oscar's
``Product.update_rating``), and saving the product brings the search index up to date.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _


@transaction.atomic
def hide(review, by, reason):
    """Take the review off the product page and out of its rating; the reason stays for operators."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Please write why the review is hidden."), code="reason_required")
    review.status = review.REJECTED
    review.hidden_reason, review.hidden_by, review.date_hidden = reason, by, timezone.now()
    review.save()


@transaction.atomic
def publish(review):
    """Show the review again and count it in the product's rating."""
    review.status = review.APPROVED
    review.hidden_reason, review.hidden_by, review.date_hidden = "", None, None
    review.save()


def moderate(review, by, published, reason=""):
    """Publish the review, or hide it with ``reason`` (ValidationError if none is given)."""
    if published:
        publish(review)
    else:
        hide(review, by, reason)
