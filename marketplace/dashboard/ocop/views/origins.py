"""The Department's decisions on where products come from, and on the province's specialties.

Changes go only through ``catalogue.origin.decide``, which keeps every decision.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Case, Prefetch, Value, When
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView
from oscar.core.loading import get_model

from catalogue import origin
from catalogue.models import ClaimStatus
from marketplace.dashboard.queues import StatusQueueMixin, status_counts

from ..review_forms import OriginDecisionForm, OriginFilterForm

OriginDecision = get_model("catalogue", "OriginDecision")
Product = get_model("catalogue", "Product")


def claimed_products():
    """Products an approved enterprise sells that state where they come from."""
    return (
        Product.objects.sold_by_approved_enterprise()
        .filter(parent=None)
        .exclude(origin_province=None)
        .select_related("origin_province", "origin_commune")
        .prefetch_related("stockrecords__partner")
    )


class OriginQueueView(StatusQueueMixin, ListView):
    template_name = "oscar/dashboard/ocop/origin_queue.html"
    context_object_name = "products"
    filter_form_class = OriginFilterForm

    def get_queryset(self):
        waiting = Case(When(origin_status=ClaimStatus.CLAIMED, then=Value(0)), default=Value(1))
        return self.filtered(claimed_products()).annotate(waiting=waiting).order_by("waiting", "title", "pk")

    def status_counts(self):
        return status_counts(claimed_products(), "origin_status", ClaimStatus.choices)


class OriginReviewView(View):
    """One product's stated origin, the decision form and the decisions so far."""

    template_name = "oscar/dashboard/ocop/origin_detail.html"

    def get_object(self):
        history = OriginDecision.objects.select_related("decided_by")
        products = claimed_products().prefetch_related(Prefetch("origin_decisions", history))
        return get_object_or_404(products, pk=self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        product = self.get_object()
        return self.render(product, OriginDecisionForm(product))

    def post(self, request, *args, **kwargs):
        product = self.get_object()
        form = OriginDecisionForm(product, request.POST)
        if not form.is_valid():
            if form.is_stale():
                messages.error(request, " ".join(form.non_field_errors() + form["to_status"].errors))
                return redirect("dashboard:ocop-origin-detail", pk=product.pk)
            messages.error(request, _("The decision was not recorded. Please check the form."))
            return self.render(product, form)
        data = form.cleaned_data
        try:
            origin.decide(
                product,
                data["to_status"],
                data["is_provincial_specialty"],
                by=request.user,
                reason=data["reason"],
            )
        except ValidationError as refusal:
            messages.error(request, " ".join(refusal.messages))
        else:
            messages.success(
                request,
                _("Decision recorded for %(product)s: origin %(status)s.")
                % {"product": product.get_title(), "status": product.get_origin_status_display().lower()},
            )
        return redirect("dashboard:ocop-origin-detail", pk=product.pk)

    def render(self, product, form):
        context = {"product": product, "form": form, "enterprises": sellers(product)}
        return render(self.request, self.template_name, context)


def sellers(product):
    return sorted({record.partner for record in product.stockrecords.all()}, key=lambda e: e.name)
