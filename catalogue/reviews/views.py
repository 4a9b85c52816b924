"""Oscar's review pages, where only a shopper who received the product may write one."""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.generic import CreateView
from oscar.apps.catalogue.reviews import views

from .eligibility import Verdict, eligibility


class CreateProductReview(views.CreateProductReview):
    """Everybody else reads why they cannot review instead of the form; their POSTs store nothing."""

    def dispatch(self, request, *args, **kwargs):
        self.product = get_object_or_404(self.product_model, pk=kwargs["product_pk"], is_public=True)
        self.eligibility = eligibility(self.product, request.user)
        if not self.eligibility.allowed:
            return self.refuse(request)
        # Oscar's own dispatch would fetch the product and ask its weaker rule again.
        return CreateView.dispatch(self, request, *args, **kwargs)

    def refuse(self, request):
        if request.method == "GET":
            context = {"product": self.product, "eligibility": self.eligibility}
            return TemplateResponse(request, self.template_name, context)
        messages.error(request, self.eligibility.explanation)
        return redirect(f"{self.product.get_absolute_url()}#reviews")

    def form_valid(self, form):
        form.instance.verified_purchase = True  # eligibility says the shopper received the product
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except IntegrityError:  # a second review posted at the same moment
            self.eligibility = eligibility(self.product, self.request.user)
            if self.eligibility.verdict is not Verdict.ALREADY_REVIEWED:
                raise
            return self.refuse(self.request)


class ProductReviewDetail(views.ProductReviewDetail):
    """Only a published review of this product has a page of its own."""

    def get_queryset(self):
        return self.model.objects.approved().filter(product_id=self.kwargs["product_pk"])


class ProductReviewList(views.ProductReviewList):
    """Oscar's list, each review with its author, its product and whether the shopper voted on it:
    no query a review."""

    def get_queryset(self):
        return super().get_queryset().select_related("user", "product").with_vote_of(self.request.user)
