"""Oscar's review, marked as a verified purchase and hideable by an operator, who gives the reason.

A review counts in the product's rating only while it is published (Oscar's APPROVED status); a
hidden one is Oscar's REJECTED, with the reason kept for the operators.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.reviews.abstract_models import AbstractProductReview


class ProductReview(AbstractProductReview):
    verified_purchase = models.BooleanField(
        _("verified purchase"),
        default=False,
        help_text=_("The author had received a parcel with this product when writing the review."),
    )
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("hidden by"),
    )
    date_hidden = models.DateTimeField(_("hidden on"), null=True, blank=True)

    class Meta(AbstractProductReview.Meta):
        pass

    @property
    def is_hidden(self):
        return self.status == self.REJECTED


class ReviewReply(models.Model):
    """The selling enterprise's one public answer to a review, in plain text, editable by its staff.

    Written and changed only through ``catalogue.reviews.replies``, which checks that the person
    works for an enterprise selling the reviewed product.
    """

    review = models.OneToOneField(
        ProductReview, on_delete=models.CASCADE, related_name="reply", verbose_name=_("review")
    )
    enterprise = models.ForeignKey(
        "partner.Partner",
        on_delete=models.CASCADE,
        related_name="review_replies",
        verbose_name=_("enterprise"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    body = models.TextField(_("reply"))
    date_created = models.DateTimeField(_("replied on"), auto_now_add=True)
    date_updated = models.DateTimeField(_("edited on"), auto_now=True)

    class Meta:
        verbose_name = _("reply to a review")
        verbose_name_plural = _("replies to reviews")

    def __str__(self):
        return f"{self.enterprise}: {self.review}"

    @property
    def was_edited(self):
        return (self.date_updated - self.date_created).total_seconds() > 60


from oscar.apps.catalogue.reviews.models import *
