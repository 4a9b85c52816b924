"""Oscar's reviews dashboard, where operators publish or hide reviews, giving a reason to hide.

Every change goes through catalogue.reviews.moderation, which keeps the product's rating (and
so search) to published reviews. The bulk action refuses bad input with a message, not an error.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from oscar.apps.dashboard.reviews import views

from catalogue.reviews import moderation

from .forms import DashboardProductReviewForm, ModerationForm, ProductReviewSearchForm


class ReviewListView(views.ReviewListView):
    form_class = ProductReviewSearchForm
    review_form_class = ModerationForm

    def update_selected_review_status(self, request, reviews):
        form = ModerationForm(request.POST)
        if not form.is_valid():
            problems = [message for errors in form.errors.values() for message in errors]
            messages.error(request, " ".join(problems))
            return HttpResponseRedirect(reverse("dashboard:reviews-list"))
        reviews = list(reviews)
        for review in reviews:
            moderation.moderate(
                review, request.user, form.publishes, reason=form.cleaned_data["hidden_reason"]
            )
        done = _("Reviews published: %(count)d.") if form.publishes else _("Reviews hidden: %(count)d.")
        messages.success(request, done % {"count": len(reviews)})
        return HttpResponseRedirect(reverse("dashboard:reviews-list"))


class ReviewUpdateView(views.ReviewUpdateView):
    form_class = DashboardProductReviewForm

    def get_queryset(self):
        return super().get_queryset().select_related("product", "user", "hidden_by")

    def form_valid(self, form):
        try:
            moderation.moderate(
                self.object, self.request.user, form.publishes, reason=form.cleaned_data["hidden_reason"]
            )
        except ValidationError as error:
            form.add_error("hidden_reason", error)
            return self.form_invalid(form)
        if form.publishes:
            messages.success(self.request, _("The review is published."))
        else:
            messages.success(self.request, _("The review is hidden."))
        return HttpResponseRedirect(self.get_success_url())
