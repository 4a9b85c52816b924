"""Oscar's review pages, where only a shopper who received the product may write one."""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.generic import CreateView, ListView
from oscar.apps.catalogue.reviews import views

from catalogue.models import approved_review_count

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
    """Oscar's list, each review with its author and its product: no query a review; the product
    above it with its price, image and review count at once."""

    def get_queryset(self):
        return super().get_queryset().select_related("user", "product", "reply__enterprise")

    def get_context_data(self, **kwargs):
        context = ListView.get_context_data(self, **kwargs)  # Oscar's fetches the product alone
        context["product"] = get_object_or_404(
            self.products_shown(), pk=self.kwargs["product_pk"], is_public=True
        )
        context["form"] = self.form
        return context

    def products_shown(self):
        """The product as the page shows it: its price (stock records and their enterprises, its
        class), its image and how many published reviews it has."""
        stock_records = self.product_model.stockrecords.field.model.objects.select_related("partner")
        return (
            self.product_model.objects.select_related("product_class", "parent__product_class")
            .prefetch_related("images", Prefetch("stockrecords", queryset=stock_records))
            # Shadows Oscar's cached property of the same name, which would count them apart.
            .annotate(num_approved_reviews=approved_review_count(self.product_model))
        )
