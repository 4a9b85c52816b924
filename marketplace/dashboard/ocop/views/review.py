"""The Department's certificate verification queue: what waits, what the enterprise sent, and the decision.

Access is Oscar's dashboard permission check (``partner.review_enterprises``, the app's
default); status changes go only through ``catalogue.ocop.move``, which keeps the history.
"""

from django.db import transaction
from django.db.models import Case, F, Prefetch, Value, When
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, ListView
from oscar.core.loading import get_model

from catalogue import ocop
from catalogue.decision_mail import notify_certificate_decision
from marketplace.dashboard.decisions import DecisionViewMixin
from marketplace.dashboard.queues import StatusQueueMixin, status_counts
from marketplace.reports import registers
from marketplace.reports.exporting import ExportMixin

from ..review_forms import CertificateDecisionForm, CertificateFilterForm

CertificateStatusChange = get_model("catalogue", "CertificateStatusChange")
OcopCertificate = get_model("catalogue", "OcopCertificate")
Status = OcopCertificate.Status
IMAGE_SCANS = (".jpg", ".png")


def queue_order(certificates):
    """Pending certificates first, the longest waiting on top; then the rest, latest decision first."""
    waiting = Case(When(status=Status.PENDING, then=Value(0)), default=Value(1))
    waiting_since = Case(When(status=Status.PENDING, then=F("date_created")))
    return certificates.annotate(waiting=waiting, waiting_since=waiting_since).order_by(
        "waiting", F("waiting_since").asc(nulls_last=True), "-decision_date", "-pk"
    )


class CertificateQueueView(StatusQueueMixin, ExportMixin, ListView):
    template_name = "oscar/dashboard/ocop/review_queue.html"
    context_object_name = "certificates"
    filter_form_class = CertificateFilterForm
    export_title = gettext_lazy("OCOP certificates")
    export_filename = "ocop-certificates"
    export_columns = registers.CERTIFICATE_COLUMNS

    def export_rows(self, queryset):
        return registers.certificate_rows(queryset)

    def get_queryset(self):
        certificates = OcopCertificate.objects.select_related("enterprise").prefetch_related("products")
        return queue_order(self.filtered(certificates))

    def status_counts(self):
        return status_counts(OcopCertificate.objects.all(), "status", Status.choices)


class CertificateReviewView(DetailView):
    """The recorded decision, its scan, the products it covers, its history and the decision form."""

    template_name = "oscar/dashboard/ocop/review_detail.html"
    context_object_name = "certificate"

    def get_queryset(self):
        return OcopCertificate.objects.select_related("enterprise", "superseded_by").prefetch_related(
            "products__stockrecords__partner",
            Prefetch("status_changes", CertificateStatusChange.objects.select_related("changed_by")),
        )

    def get_context_data(self, **kwargs):
        certificate = self.object
        kwargs.setdefault("form", CertificateDecisionForm(certificate))
        return super().get_context_data(
            scan_is_image=certificate.scan.name.lower().endswith(IMAGE_SCANS),
            score_stars=ocop.stars_for_score(certificate.score) if certificate.score is not None else None,
            **kwargs,
        )


class CertificateDecisionView(DecisionViewMixin, CertificateReviewView):
    """Apply a reviewer's decision; a refused one is shown on the detail page, nothing changed."""

    decision_form_class = CertificateDecisionForm

    def decide(self, certificate, data):
        with transaction.atomic():
            change = ocop.move(
                certificate,
                data["to_status"],
                by=self.request.user,
                reason=data["reason"],
                superseded_by=data["successor"],
            )
            notify_certificate_decision(change)
        return _("Decision recorded: certificate %(number)s is now %(status)s.") % {
            "number": certificate.decision_number,
            "status": change.get_to_status_display().lower(),
        }

    def detail_url(self, certificate):
        return reverse("dashboard:ocop-review-detail", kwargs={"pk": certificate.pk})
