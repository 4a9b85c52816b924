"""An enterprise's staff read the reviews of their products and reply to each, once, editably.

Every query starts from the person's own approved enterprise (``catalogue.reviews.replies``):
another enterprise's review is simply not found (404), whatever id is typed into the URL.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, ListView

from catalogue.reviews import replies
from vendors.membership import approved_enterprise_of

TEMPLATES = "oscar/dashboard/reviews/"


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Your reply"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("Plain text, shown under the review with your enterprise's name."),
    )

    def clean_body(self):
        return replies.clean_reply(self.cleaned_data["body"])


class EnterpriseReviewsMixin:
    def dispatch(self, request, *args, **kwargs):
        if approved_enterprise_of(request.user) is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def reviews(self):
        return (
            replies.reviews_to_answer(self.request.user)
            .select_related("product", "user", "reply")
            .order_by("-date_created", "-pk")
        )


class ReplyListView(EnterpriseReviewsMixin, ListView):
    """The reviews of the enterprise's products, newest first, each with its reply or a button."""

    template_name = TEMPLATES + "reply_list.html"
    context_object_name = "reviews"
    paginate_by = 25

    def get_queryset(self):
        return self.reviews()


class ReplyView(EnterpriseReviewsMixin, FormView):
    """Write the reply to one review of the enterprise's products, or edit it."""

    template_name = TEMPLATES + "reply_form.html"
    form_class = ReplyForm

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.review = None

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and approved_enterprise_of(request.user) is not None:
            self.review = get_object_or_404(self.reviews(), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def existing_reply(self):
        return getattr(self.review, "reply", None) if self.review else None

    def get_initial(self):
        existing = self.existing_reply()
        return {"body": existing.body} if existing else {}

    def get_context_data(self, **kwargs):
        return super().get_context_data(review=self.review, reply=self.existing_reply(), **kwargs)

    def form_valid(self, form):
        try:
            replies.reply(self.review, self.request.user, form.cleaned_data["body"])
        except ValidationError as refusal:
            form.add_error("body", refusal)
            return self.form_invalid(form)
        messages.success(self.request, _("Your reply is published under the review."))
        return redirect("dashboard:review-reply-list")

    def form_invalid(self, form):
        messages.error(self.request, _("Your reply was not saved: please correct it."))
        return super().form_invalid(form)
