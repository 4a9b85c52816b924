"""Oscar's review, marked as a verified purchase and hideable by an operator, who gives the reason.

A review counts in the product's rating only while it is published (Oscar's APPROVED status); a
hidden one is Oscar's REJECTED, with the reason kept for the operators.
"""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.reviews.abstract_models import AbstractProductReview
from oscar.apps.catalogue.reviews.managers import ProductReviewQuerySet
from oscar.core.loading import get_model


class ReviewQuerySet(ProductReviewQuerySet):
    def with_vote_of(self, user):
        """Each review knows whether ``user`` voted on it, so a page asks once for all it shows."""
        if not user.is_authenticated:
            return self
        votes = get_model("reviews", "Vote").objects.filter(review=OuterRef("pk"), user=user)
        return self.annotate(voted_by_viewer=Exists(votes))


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

    objects = ReviewQuerySet.as_manager()

    class Meta(AbstractProductReview.Meta):
        pass

    def can_user_vote(self, user):
        """Oscar's rule (the vote's own validation, four queries a review), answered without a
        query when the review came ``with_vote_of(user)``: signed in, not one's own, once."""
        if not user.is_authenticated or not hasattr(self, "voted_by_viewer"):
            return super().can_user_vote(user)
        if self.user_id is not None and self.user_id == user.pk:
            return False, _("You cannot vote on your own reviews")
        if self.voted_by_viewer:
            return False, _("You can only vote once on a review")
        return True, ""

    @property
    def is_hidden(self):
        return self.status == self.REJECTED


from oscar.apps.catalogue.reviews.models import *
