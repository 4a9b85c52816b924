"""The Department's certificate expiry watchlist: verified certificates by the days they have left.

Filtered, counted and sorted in the database on the expiry rule's SQL form
(``catalogue.expiry``), so it stays one query a page at tens of thousands of certificates.
Access is the app's default, the reviewers' permission.
"""

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from catalogue.expiry import days_left, verified_with_expiry
from marketplace.dashboard.queues import StatusQueueMixin
from marketplace.reports import registers
from marketplace.reports.exporting import ExportMixin

from ..watchlist_forms import WINDOW_CHOICES, WatchlistFilterForm, window_filter


class ExpiryWatchlistView(StatusQueueMixin, ExportMixin, ListView):
    template_name = "oscar/dashboard/ocop/expiry_watchlist.html"
    context_object_name = "certificates"
    export_title = _("Certificate expiry")
    export_filename = "ocop-expiry"
    export_columns = registers.CERTIFICATE_COLUMNS

    def export_rows(self, queryset):
        return registers.certificate_rows(queryset, today=self.today)

    def get(self, request, *args, **kwargs):
        self.today = timezone.localdate()
        self.form = WatchlistFilterForm(request.GET or None, today=self.today)  # the form needs the day
        return super(StatusQueueMixin, self).get(request, *args, **kwargs)  # the export, then the list

    def get_queryset(self):
        certificates = verified_with_expiry().select_related("enterprise__province", "enterprise__commune")
        return self.filtered(certificates).order_by("expiry", "pk")

    def status_counts(self):
        """(window, label, count) for each window, in one query over all verified certificates."""
        counts = verified_with_expiry().aggregate(
            all=Count("pk"),
            **{window: Count("pk", filter=window_filter(window, self.today)) for window, _ in WINDOW_CHOICES},
        )
        self.verified_count = counts["all"]
        return [(window, label, counts[window]) for window, label in WINDOW_CHOICES]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for certificate in context["certificates"]:
            certificate.days_left = days_left(certificate, self.today)
        context["total_count"] = self.verified_count  # the windows overlap: their sum is not the total
        context["current_window"] = self.request.GET.get("window", "")
        return context
