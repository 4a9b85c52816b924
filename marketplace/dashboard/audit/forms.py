"""Narrowing the audit log: every field optional, an empty form is the whole log."""

import datetime

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from marketplace.audit.models import AuditKind
from marketplace.dashboard.queues import DateRangeMixin

# The browser's date picker sends ISO dates; a date typed by hand is read the Vietnamese way.
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def start_of(day):
    """The first instant of ``day`` in the province's time, so the indexed ``when`` is compared as is."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class AuditFilterForm(DateRangeMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("Decision"), choices=[("", _("All")), *AuditKind.choices], required=False
    )
    who = forms.CharField(label=_("Who (e-mail or name)"), max_length=100, required=False)
    enterprise = forms.CharField(label=_("Enterprise"), max_length=100, required=False)
    text = forms.CharField(label=_("Subject or reason"), max_length=100, required=False)
    date_from = forms.DateField(
        label=pgettext_lazy("date range", "From"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        widget=DateInput,
    )
    date_to = forms.DateField(
        label=pgettext_lazy("date range", "To"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        widget=DateInput,
    )

    def filter(self, entries):
        """``entries`` narrowed by the valid filters (call only on a valid form)."""
        data = self.cleaned_data
        if data["kind"]:
            entries = entries.filter(kind=data["kind"])
        if data["who"].strip():
            who = data["who"].strip()
            entries = entries.filter(Q(who_email__icontains=who) | Q(who_name__icontains=who))
        if data["enterprise"].strip():
            entries = entries.filter(enterprise_name__icontains=data["enterprise"].strip())
        if data["text"].strip():
            text = data["text"].strip()
            entries = entries.filter(Q(subject_label__icontains=text) | Q(reason__icontains=text))
        if data["date_from"]:
            entries = entries.filter(when__gte=start_of(data["date_from"]))
        if data["date_to"]:
            entries = entries.filter(when__lt=start_of(data["date_to"] + datetime.timedelta(days=1)))
        return entries
