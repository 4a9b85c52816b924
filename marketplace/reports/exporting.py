"""A dashboard list that also hands itself on as a file: ``?export=csv|xlsx`` with the list's filters.

The export is the whole filtered list, not the page shown: the view's ``get_queryset()`` read
through a register's ``rows`` (``marketplace.reports.registers``). Filters that are not valid
export nothing: the page comes back with the form's errors and a message, rather than a file
of the whole list that an official would take for the filtered one.
"""

from django.contrib import messages
from django.utils import timezone
from django.utils.translation import gettext as _

from .exports import FORMATS, export_response, requested_format


class ExportMixin:
    """For a ListView, after any mixin that sets ``self.form`` in ``get`` (StatusQueueMixin)."""

    export_title = ""  # the sheet's title
    export_filename = "export"  # ASCII, without date nor extension
    export_columns = ()

    def export_rows(self, queryset):
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        export_format = requested_format(request)
        if export_format is None:
            return super().get(request, *args, **kwargs)
        form = getattr(self, "form", None)
        if form is not None and form.is_bound and not form.is_valid():
            messages.error(
                request, _("Some filters are not valid, so nothing was exported. Please correct them.")
            )
            return super().get(request, *args, **kwargs)
        filename = f"{self.export_filename}-{timezone.localdate():%Y%m%d}"
        rows = self.export_rows(self.get_queryset())
        return export_response(export_format, str(self.export_title), self.export_columns, rows, filename)

    def get_context_data(self, **kwargs):
        return super().get_context_data(export_links=self.export_links(), **kwargs)

    def export_links(self):
        """(format, query string) of each export: the current filters, without the page number."""
        query = self.request.GET.copy()
        query.pop("page", None)
        links = []
        for export_format in FORMATS:
            query["export"] = export_format
            links.append((export_format, query.urlencode()))
        return links
