"""The audit log page: newest first, filtered, paginated, and exported as CSV or XLSX.

Every column is a snapshot on the entry itself, so a page is two queries (count and rows)
whatever its size, and an export streams the filtered rows once.
"""

from django.contrib import messages
from django.core.paginator import InvalidPage
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.generic import ListView

from marketplace.audit.models import AuditEntry
from marketplace.reports.exporting import ExportMixin
from marketplace.reports.exports import Column

from .forms import AuditFilterForm

COLUMNS = [
    Column(gettext_lazy("When"), "datetime"),
    Column(gettext_lazy("Decision"), "text"),
    Column(gettext_lazy("Who"), "text"),
    Column(gettext_lazy("E-mail"), "text"),
    Column(gettext_lazy("Subject"), "text"),
    Column(gettext_lazy("Enterprise"), "text"),
    Column(pgettext_lazy("date range", "From"), "text"),
    Column(pgettext_lazy("date range", "To"), "text"),
    Column(gettext_lazy("Reason"), "text"),
    Column(gettext_lazy("Amount"), "money"),
]


def export_row(entry):
    return [
        entry.when,
        entry.get_kind_display(),
        entry.who_name,
        entry.who_email,
        entry.subject_label,
        entry.enterprise_name,
        entry.from_display,
        entry.to_display,
        entry.reason,
        entry.amount,
    ]


class AuditLogView(ExportMixin, ListView):
    template_name = "oscar/dashboard/audit/list.html"
    context_object_name = "entries"
    paginate_by = 25
    export_title = gettext_lazy("Audit log")
    export_filename = "audit-log"
    export_columns = COLUMNS

    def get(self, request, *args, **kwargs):
        self.form = AuditFilterForm(request.GET or None)
        return super().get(request, *args, **kwargs)

    def export_rows(self, queryset):
        return (export_row(entry) for entry in queryset.iterator(chunk_size=2000))

    def get_queryset(self):
        entries = AuditEntry.objects.order_by("-when", "-pk")
        return self.form.filter(entries) if self.form.is_bound and self.form.is_valid() else entries

    def paginate_queryset(self, queryset, page_size):
        """A page number that is not one shows the first page, with a message, rather than an error."""
        try:
            return super().paginate_queryset(queryset, page_size)
        except (Http404, InvalidPage):
            messages.warning(self.request, _("There is no such page: the first page is shown."))
            paginator = self.get_paginator(queryset, page_size)
            page = paginator.page(1)
            return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            form=self.form,
            is_filtered=self.form.is_bound and self.form.is_valid() and any(self.form.cleaned_data.values()),
            **kwargs,
        )
