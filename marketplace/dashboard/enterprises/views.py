"""The Department's review queue: who is waiting, what they sent, and the decision on it.

Access is Oscar's dashboard permission check (``partner.review_enterprises``, set on the
app config); status changes go only through ``vendors.review.move``.
"""

from django.db import transaction
from django.db.models import Case, F, Prefetch, Value, When
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, ListView
from oscar.core.loading import get_model

from marketplace.dashboard.decisions import DecisionViewMixin
from marketplace.dashboard.queues import StatusQueueMixin, status_counts
from marketplace.reports import registers
from marketplace.reports.exporting import ExportMixin
from vendors import review
from vendors.models import EnterpriseStatus
from vendors.notifications import notify_status_change

from .forms import DecisionForm, QueueFilterForm

Partner = get_model("partner", "Partner")
EnterpriseStatusChange = get_model("partner", "EnterpriseStatusChange")


def queue_order(queryset):
    """Submitted applications first, the longest waiting on top; then everyone else by name."""
    waiting = Case(When(status=EnterpriseStatus.SUBMITTED, then=Value(0)), default=Value(1))
    waiting_since = Case(When(status=EnterpriseStatus.SUBMITTED, then=F("date_submitted")))
    return queryset.annotate(
        waiting=waiting,
        waiting_since=waiting_since,
    ).order_by("waiting", F("waiting_since").asc(nulls_last=True), "name", "pk")


class ReviewQueueView(StatusQueueMixin, ExportMixin, ListView):
    template_name = "oscar/dashboard/enterprises/queue.html"
    context_object_name = "enterprises"
    filter_form_class = QueueFilterForm
    export_title = gettext_lazy("Enterprises")
    export_filename = "enterprises"
    export_columns = registers.ENTERPRISE_COLUMNS

    def export_rows(self, queryset):
        return registers.enterprise_rows(queryset)

    def get_queryset(self):
        return queue_order(self.filtered(Partner.objects.select_related("commune", "province")))

    def status_counts(self):
        return status_counts(Partner.objects.all(), "status", EnterpriseStatus.choices)


class ReviewDetailView(DetailView):
    """Everything the enterprise sent, its papers, its history and the decision form."""

    template_name = "oscar/dashboard/enterprises/detail.html"
    context_object_name = "enterprise"

    def get_queryset(self):
        return Partner.objects.select_related("commune", "province").prefetch_related(
            "documents",
            Prefetch("status_changes", EnterpriseStatusChange.objects.select_related("changed_by")),
        )

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", DecisionForm(self.object))
        return super().get_context_data(**kwargs)


class ReviewDecisionView(DecisionViewMixin, ReviewDetailView):
    """Apply a reviewer's decision; a refused one is shown on the detail page, nothing changed."""

    decision_form_class = DecisionForm

    def decide(self, enterprise, data):
        with transaction.atomic():
            change = review.move(enterprise, data["to_status"], by=self.request.user, reason=data["reason"])
            notify_status_change(change)
        return _("Decision recorded: %(name)s is now %(status)s. The enterprise is notified by e-mail.") % {
            "name": enterprise.name,
            "status": change.get_to_status_display().lower(),
        }

    def detail_url(self, enterprise):
        return reverse("dashboard:enterprise-review-detail", kwargs={"pk": enterprise.pk})
