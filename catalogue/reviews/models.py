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


from oscar.apps.catalogue.reviews.models import *
