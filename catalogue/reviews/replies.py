"""An enterprise answers the reviews of its products: once per review, in plain text, editable.

Only staff of an approved enterprise that sells the reviewed product (or one of its variants) may
reply; another enterprise's reviews are simply not among theirs. The text is kept as typed once
checked: no markup (pages escape it anyway, this refuses what would read as code), no control
characters, not empty and not too long.
"""

import re

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from vendors.membership import approved_enterprise_of

ProductReview = get_model("reviews", "ProductReview")
ReviewReply = get_model("reviews", "ReviewReply")
StockRecord = get_model("partner", "StockRecord")

MAX_LENGTH = 1000
MARKUP = re.compile(r"<\s*[/!?a-zA-Z]|&#?\w+;|javascript:", re.IGNORECASE)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def reviews_of_enterprise(enterprise):
    """Reviews of products the enterprise sells (the review may be of a parent product)."""
    sold = StockRecord.objects.filter(
        Q(product=OuterRef("product")) | Q(product__parent=OuterRef("product")), partner=enterprise
    )
    return ProductReview.objects.filter(Exists(sold))


def reviews_to_answer(user):
    """The reviews ``user`` may reply to: none unless they work for an approved enterprise."""
    enterprise = approved_enterprise_of(user)
    if enterprise is None:
        return ProductReview.objects.none()
    return reviews_of_enterprise(enterprise)


def clean_reply(text):
    """The reply as it will be shown, or ValidationError saying what to change."""
    text = (text or "").replace("\r\n", "\n").strip()
    if not text:
        raise ValidationError(_("Please write your reply."), code="empty")
    if len(text) > MAX_LENGTH:
        raise ValidationError(
            _("Please keep your reply under %(max)d characters.") % {"max": MAX_LENGTH}, code="too_long"
        )
    if MARKUP.search(text) or CONTROL.search(text):
        raise ValidationError(
            _("Please write plain text: tags, codes and scripts are not allowed in a reply."), code="markup"
        )
    return text


def reply(review, user, text):
    """Write or edit the enterprise's reply to ``review``; ValidationError if the user may not."""
    enterprise = approved_enterprise_of(user)
    if enterprise is None or not reviews_of_enterprise(enterprise).filter(pk=review.pk).exists():
        raise ValidationError(_("Only the enterprise selling this product can reply."), code="not_theirs")
    existing = ReviewReply.objects.filter(review=review).first()
    if existing and existing.enterprise_id != enterprise.pk:
        raise ValidationError(_("Another enterprise has already replied to this review."), code="taken")
    body = clean_reply(text)
    if existing:
        existing.body, existing.author = body, user
        existing.save(update_fields=["body", "author", "date_updated"])
        return existing
    return ReviewReply.objects.create(review=review, enterprise=enterprise, author=user, body=body)
