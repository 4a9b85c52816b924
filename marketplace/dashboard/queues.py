"""Dashboard queues: a list narrowed by a filter form, with a tab per status showing its count.

The enterprise, certificate, origin and parcel queues differ in what they list and
in their order; how they filter and count is this one mixin.
"""

from django.core.exceptions import ValidationError
from django.db.models import Count
from django.utils.translation import gettext_lazy as _


def status_counts(queryset, field, choices):
    """(status, label, count) for every choice, counted over ``queryset`` in one query."""
    found = dict(queryset.order_by().values_list(field).annotate(n=Count("pk")))
    return [(status, label, found.get(status, 0)) for status, label in choices]


class StatusQueueMixin:
    """For a ListView: ``filter_form_class`` (a form with ``filter(queryset)``) and ``status_counts()``."""

    filter_form_class = None
    paginate_by = 25

    def get(self, request, *args, **kwargs):
        self.form = self.filter_form_class(request.GET or None)
        return super().get(request, *args, **kwargs)

    def filtered(self, queryset):
        """``queryset`` narrowed by the filter form; untouched when the form is empty or invalid."""
        return self.form.filter(queryset) if self.form.is_bound and self.form.is_valid() else queryset

    def status_counts(self):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        counts = self.status_counts()
        return super().get_context_data(
            form=self.form,
            is_filtered=self.form.is_bound and self.form.is_valid() and any(self.form.cleaned_data.values()),
            status_counts=counts,
            total_count=sum(n for _status, _label, n in counts),
            current_status=self.request.GET.get("status", ""),
            **kwargs,
        )


class DateRangeMixin:
    """For a queue's filter form with a date range: ``date_range`` names its start and end fields."""

    date_range = ("date_from", "date_to")

    def clean(self):
        cleaned = super().clean()
        start, end = (cleaned.get(name) for name in self.date_range)
        if start and end and start > end:
            raise ValidationError(_("The start date must not be after the end date."))
        return cleaned
