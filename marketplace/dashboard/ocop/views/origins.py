"""The Department's decisions on where products come from, and on the province's specialties.

Changes go only through ``catalogue.origin.decide``, which keeps every decision.
"""

from django.db import transaction
from django.db.models import Case, Prefetch, Value, When
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView
from oscar.core.loading import get_model

from catalogue import origin
from catalogue.decision_mail import notify_origin_decision
from catalogue.models import ClaimStatus
from marketplace.dashboard.decisions import DecisionViewMixin
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


class OriginReviewView(DecisionViewMixin, View):
    """One product's stated origin, the decision form and the decisions so far."""

    http_method_names = ["get", "post"]
    decision_form_class = OriginDecisionForm
    template_name = "oscar/dashboard/ocop/origin_detail.html"

    def get_object(self):
        history = OriginDecision.objects.select_related("decided_by")
        products = claimed_products().prefetch_related(Prefetch("origin_decisions", history))
        return get_object_or_404(products, pk=self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        product = self.get_object()
        return self.render(product, OriginDecisionForm(product))

    def decide(self, product, data):
        with transaction.atomic():
            decision = origin.decide(
                product,
                data["to_status"],
                data["is_provincial_specialty"],
                by=self.request.user,
                reason=data["reason"],
            )
            notify_origin_decision(decision)
        return _("Decision recorded for %(product)s: origin %(status)s.") % {
            "product": product.get_title(),
            "status": product.get_origin_status_display().lower(),
        }

    def detail_url(self, product):
        return reverse("dashboard:ocop-origin-detail", kwargs={"pk": product.pk})

    def show_form(self, product, form):
        return self.render(product, form)

    def render(self, product, form):
        context = {"product": product, "form": form, "enterprises": sellers(product)}
        return render(self.request, self.template_name, context)


def sellers(product):
    return sorted({record.partner for record in product.stockrecords.all()}, key=lambda e: e.name)
