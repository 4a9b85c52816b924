"""Listing moderation (Law on E-commerce 122/2025): the Department hides a product's listing with a
reason, the enterprise corrects it and asks for a review, the Department restores it or keeps it hidden.

Reviewers' pages need ``partner.review_enterprises`` (the app's default permission); the
enterprise's request is scoped to its own products. Moves go only through
``catalogue.moderation``, which keeps every decision.
"""

from django.contrib import messages
from django.db import transaction
from django.db.models import F, Max, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import ListView
from oscar.core.loading import get_model

from catalogue import moderation
from catalogue.models import ListingStatus
from catalogue.moderation_mail import notify_listing_decision
from marketplace.dashboard.decisions import DecisionViewMixin
from marketplace.dashboard.queues import StatusQueueMixin, status_counts

from ..moderation_forms import CorrectionForm, ListingDecisionForm, ListingFilterForm
from ..scope import EnterpriseStaffMixin, own_products

ListingDecision = get_model("catalogue", "ListingDecision")
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")


def listings():
    """Every canonical product, whoever sells it: a variant is moderated with its parent."""
    return Product.objects.filter(parent=None)


def with_sellers(products):
    return products.prefetch_related(
        Prefetch("stockrecords", StockRecord.objects.select_related("partner").order_by("partner__name"))
    )


class ListingSearchView(StatusQueueMixin, ListView):
    """Find a listing by title, UPC or enterprise, and see which are hidden or waiting for a review."""

    template_name = "oscar/dashboard/ocop/listing_search.html"
    context_object_name = "products"
    filter_form_class = ListingFilterForm

    def get_queryset(self):
        return with_sellers(self.filtered(listings())).order_by("title", "pk")

    def status_counts(self):
        return status_counts(listings(), "listing_status", ListingStatus.choices)


class CorrectionQueueView(ListingSearchView):
    """Corrections the enterprises submitted, the longest waiting first."""

    template_name = "oscar/dashboard/ocop/listing_corrections.html"

    def get_queryset(self):
        waiting = listings().filter(listing_status=ListingStatus.CORRECTION_SUBMITTED)
        return (
            with_sellers(self.filtered(waiting))
            .annotate(submitted=Max("listing_decisions__date_created"))
            .order_by(F("submitted").asc(nulls_last=True), "pk")
        )


class ListingReviewView(DecisionViewMixin, View):
    """One listing: what the shopper would see, the decisions so far and the decision form."""

    http_method_names = ["get", "post"]
    decision_form_class = ListingDecisionForm
    template_name = "oscar/dashboard/ocop/listing_detail.html"

    def get_object(self):
        history = ListingDecision.objects.select_related("decided_by")
        products = with_sellers(listings()).prefetch_related(Prefetch("listing_decisions", history))
        return get_object_or_404(products, pk=self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        product = self.get_object()
        return self.render(product, ListingDecisionForm(product))

    def decide(self, product, data):
        with transaction.atomic():
            decision = moderation.move(
                product,
                data["to_status"],
                by=self.request.user,
                reason=data["reason"],
                category=data["category"],
            )
            notify_listing_decision(decision)
        if decision.to_status == ListingStatus.HIDDEN:
            message = _("%(product)s is hidden from the marketplace. The enterprise is notified by e-mail.")
        else:
            message = _("%(product)s is listed again. The enterprise is notified by e-mail.")
        return message % {"product": product.get_title()}

    def detail_url(self, product):
        return reverse("dashboard:ocop-listing-detail", kwargs={"pk": product.pk})

    def show_form(self, product, form):
        return self.render(product, form)

    def render(self, product, form):
        context = {"product": product, "form": form, "records": product.stockrecords.all()}
        return render(self.request, self.template_name, context)


class CorrectionRequestView(EnterpriseStaffMixin, DecisionViewMixin, View):
    """The enterprise says it corrected its hidden listing and asks the Department to look again."""

    decision_form_class = CorrectionForm
    invalid_message = gettext_lazy("Your request for a review was not sent.")

    def get_object(self):
        return get_object_or_404(own_products(self.enterprise).filter(parent=None), pk=self.kwargs["pk"])

    def decide(self, product, data):
        moderation.submit_correction(product, data["note"], by=self.request.user)
        return _("Your correction is sent: the Department will review the listing.")

    def detail_url(self, product):
        return reverse("dashboard:catalogue-product", kwargs={"pk": product.pk})

    def show_form(self, product, form):
        """The request sits on Oscar's product page: its refusals come back there as messages."""
        problems = [error for errors in form.errors.values() for error in errors]
        messages.error(self.request, " ".join(str(problem) for problem in problems))
        return redirect(self.detail_url(product))
