"""The dashboard home of an enterprise's staff: the period they choose, its figures as charts and
tables, and the monthly table as a CSV or XLSX download.

The period is a GET choice (the last 12 months by default, this year, or an earlier year); a
value that is not one of the choices gets a message and the default, never an error page.
"""

from django import forms
from django.contrib import messages
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from marketplace.reports.charts import bar_chart, column_chart
from marketplace.reports.exports import Column, export_response, requested_format

from .enterprise_figures import last_months, monthly, months_of_year, period_figures
from .figures import enterprise_figures

LAST_12_MONTHS = "12m"
YEARS_BACK = 5  # the years offered besides the current one


def period_choices(today):
    this_year = [(str(today.year), gettext("This year (%(year)s)") % {"year": today.year})]
    earlier = [(str(year), str(year)) for year in range(today.year - 1, today.year - 1 - YEARS_BACK, -1)]
    return [(LAST_12_MONTHS, gettext("Last 12 months")), *this_year, *earlier]


class PeriodForm(forms.Form):
    period = forms.ChoiceField(
        label=_("Period"),
        required=False,
        widget=forms.Select(attrs={"class": "form-control form-control-sm"}),
    )

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = period_choices(today)


def months_of(period, today):
    if period == LAST_12_MONTHS:
        return last_months(today)
    return months_of_year(int(period), today)


def chosen_period(request, today, tell=True):
    """(form, period, its label) asked for by ``?period=``; a bad value is told (unless ``tell`` is
    False) and the last 12 months used."""
    form = PeriodForm(request.GET or None, today=today)
    period = LAST_12_MONTHS
    if form.is_bound and form.is_valid():
        period = form.cleaned_data["period"] or LAST_12_MONTHS
    elif form.is_bound:
        if tell:
            messages.warning(
                request, _("That period is not one of the choices; the last 12 months are shown.")
            )
        form = PeriodForm(initial={"period": LAST_12_MONTHS}, today=today)
    return form, period, dict(form.fields["period"].choices)[period]


def month_label(month):
    """A chart's month as the language writes it (YEAR_MONTH_FORMAT: 12/2026)."""
    return date_format(month, "YEAR_MONTH_FORMAT")


def charts(figures):
    return {
        "monthly_chart": column_chart(
            gettext("Sales and net by month"),
            [(month_label(row.month), [row.sales, row.net]) for row in figures.months],
            series=[gettext("Sales"), gettext("Net")],
            kind="money",
            label_header=gettext("Month"),
        ),
        "products_chart": bar_chart(
            gettext("Best products (units sold)"),
            [(product["title"], product["units"]) for product in figures.best_products],
            kind="int",
            header=gettext("Units sold"),
            label_header=gettext("Product"),
        ),
    }


def enterprise_home(request):
    """The home's context for enterprise staff: the running figures and the chosen period's."""
    user, today = request.user, timezone.localdate()
    form, period, label = chosen_period(request, today)
    figures = period_figures(user, months_of(period, today), today)
    return {
        "figures": enterprise_figures(user),
        "period_form": form,
        "period_label": label,
        "period_figures": figures,
        "period": period,
        **charts(figures),
    }


MONTHLY_COLUMNS = [
    Column(_("Month"), "date"),
    Column(_("Parcels sold"), "int"),
    Column(_("Sales"), "money"),
    Column(_("Commission"), "money"),
    Column(_("Net"), "money"),
]


def monthly_export(request):
    """The monthly table as ``?export=csv|xlsx`` asks, for enterprise staff; None for the page itself."""
    export_format = requested_format(request)
    user = request.user
    if request.method != "GET" or not export_format or user.is_staff:
        return None
    if not user.has_perm("partner.dashboard_access"):
        return None
    today = timezone.localdate()
    _form, period, label = chosen_period(request, today, tell=False)
    rows = [
        (row.month, row.parcels, row.sales, row.commission, row.net)
        for row in monthly(user, months_of(period, today))
    ]
    title = gettext("Your figures by month, %(period)s") % {"period": label}
    return export_response(export_format, title, MONTHLY_COLUMNS, rows, f"figures-{today:%Y%m%d}")
