"""The console's period: a quick choice, or dates from and to; a bad one is told, never a 500."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .figures import Period, quick_period

QUICK_CHOICES = [
    ("this_month", _("This month so far")),
    ("last_month", _("Last month")),
    ("this_year", _("This year so far")),
    ("last_12_months", _("Last 12 months")),
]
LONGEST = datetime.timedelta(days=5 * 366)  # a longer period is surely a typing slip


class PeriodForm(forms.Form):
    """Dates win over the quick choice when given; nothing given is this month so far."""

    quick = forms.ChoiceField(label=_("Period"), choices=QUICK_CHOICES, required=False)
    date_from = forms.DateField(
        label=pgettext_lazy("date range", "From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = forms.DateField(
        label=pgettext_lazy("date range", "To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if self.errors:
            return data
        if start or end:
            start = start or end.replace(day=1)
            end = end or self.today
            if end < start:
                raise forms.ValidationError(
                    _("The period must end on or after its first day."), code="reversed"
                )
            if end - start > LONGEST:
                raise forms.ValidationError(
                    _("Please choose a period of at most five years."), code="too_long"
                )
            data["period"] = Period(start, end)
        else:
            data["period"] = quick_period(data.get("quick") or "this_month", self.today)
        return data

    def period(self):
        """The chosen period, or this month so far when the form is unbound or invalid."""
        if self.is_bound and self.is_valid():
            return self.cleaned_data["period"]
        return quick_period("this_month", self.today)
