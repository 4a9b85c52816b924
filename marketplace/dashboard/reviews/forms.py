"""The operator's moderation: a review is published or hidden, and hiding one takes a reason.

Operators do not edit what a shopper wrote (title, text, score): they only decide whether it shows.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.reviews import forms as oscar_forms
from oscar.core.loading import get_model

ProductReview = get_model("reviews", "ProductReview")

VISIBILITY_CHOICES = (
    (ProductReview.APPROVED, _("Published")),
    (ProductReview.REJECTED, _("Hidden")),
)


class ProductReviewSearchForm(oscar_forms.ProductReviewSearchForm):
    """Oscar's search, naming the statuses as the operators see them: published or hidden."""

    STATUS_CHOICES = (
        ("", "------------"),
        *VISIBILITY_CHOICES,
        (ProductReview.FOR_MODERATION, _("Requires moderation")),
    )
    status = forms.ChoiceField(required=False, choices=STATUS_CHOICES, label=_("Status"))


class ModerationForm(forms.Form):
    """Publish or hide, with the reason required to hide."""

    status = forms.TypedChoiceField(choices=VISIBILITY_CHOICES, coerce=int, label=_("Visibility"))
    hidden_reason = forms.CharField(
        label=_("Reason for hiding"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required to hide a review. Operators see it; the shopper's page does not."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == ProductReview.REJECTED and not cleaned.get("hidden_reason", "").strip():
            self.add_error("hidden_reason", _("Please write why the review is hidden."))
        return cleaned

    @property
    def publishes(self):
        return self.cleaned_data["status"] == ProductReview.APPROVED


class DashboardProductReviewForm(ModerationForm):
    """The review page's form, starting from the review's own visibility and reason."""

    def __init__(self, *args, instance=None, **kwargs):
        self.instance = instance
        if instance is not None:
            # A review awaiting moderation starts with no choice made.
            status = instance.status if instance.status in dict(VISIBILITY_CHOICES) else None
            given = kwargs.get("initial") or {}
            kwargs["initial"] = {"status": status, "hidden_reason": instance.hidden_reason, **given}
        super().__init__(*args, **kwargs)
