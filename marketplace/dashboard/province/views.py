"""The Department's console: the province's figures for a period, charts with their tables, exports."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from marketplace.reports.charts import bar_chart, column_chart
from marketplace.reports.exports import export_response, requested_format

from .figures import province_figures, top_with_others
from .forms import PeriodForm
from .report import month_period, report_pdf
from .tables import table

# The charts whose table may be downloaded, and the table's name (``tables.TABLES``).
EXPORTS = {
    "enterprises_by_commune": "enterprises-by-commune",
    "sales_by_month": "sales-by-month",
    "sales_by_commune": "sales-by-commune",
    "sales_by_sector": "sales-by-sector",
}


def charts(figures):
    """The console's charts, each drawn with its table for screen readers."""
    sales = figures.sales
    rows = lambda items: [(row.label, row.count) for row in items]  # noqa: E731
    money = lambda items: [(row.label, row.value) for row in items]  # noqa: E731
    return {
        "enterprises_by_status": bar_chart(_("Enterprises by status"), rows(figures.enterprises_by_status)),
        "enterprises_by_kind": bar_chart(_("Member enterprises by kind"), rows(figures.enterprises_by_kind)),
        "enterprises_by_commune": bar_chart(
            _("Member enterprises by commune"), rows(top_with_others(figures.enterprises_by_commune))
        ),
        "listed_by_sector": bar_chart(_("Products listed by OCOP sector"), rows(figures.listed_by_sector)),
        "listed_by_stars": bar_chart(_("Products listed by OCOP stars"), rows(figures.listed_by_stars)),
        "listed_by_commune": bar_chart(
            _("Products listed by commune"), rows(top_with_others(figures.listed_by_commune))
        ),
        "sold_by_sector": bar_chart(_("Products sold by OCOP sector"), rows(figures.sold_by_sector)),
        "sold_by_stars": bar_chart(_("Products sold by OCOP stars"), rows(figures.sold_by_stars)),
        "sold_by_commune": bar_chart(
            _("Products sold by commune"), rows(top_with_others(figures.sold_by_commune))
        ),
        "certificates": bar_chart(
            _("OCOP certificates"),
            [
                (_("In force"), figures.certificates.in_force),
                *(
                    (_("Expiring within %(days)s days") % {"days": d}, n)
                    for d, n in figures.certificates.expiring.items()
                ),
                (_("Expired"), figures.certificates.expired),
            ],
        ),
        "payment_methods": bar_chart(
            _("Sales by payment method"),
            [(_("Card"), sales.card_value), (_("Cash on delivery"), sales.cod_value)],
            kind="money",
        ),
        "sales_by_month": column_chart(
            _("Sales by month"),
            [(date_format(m.month, "YEAR_MONTH_FORMAT"), [m.card, m.cod]) for m in figures.sales_by_month],
            series=[_("Card"), _("Cash on delivery")],
            kind="money",
        ),
        "sales_by_commune": bar_chart(
            _("Sales by commune"), money(top_with_others(figures.sales_by_commune)), kind="money"
        ),
        "sales_by_sector": bar_chart(_("Sales by OCOP sector"), money(figures.sold_by_sector), kind="money"),
    }


class ProvinceConsoleView(TemplateView):
    """Figures of the chosen period; a bad period is told and this month's figures shown instead."""

    template_name = "oscar/dashboard/province/console.html"

    def get(self, request, *args, **kwargs):
        self.today = timezone.localdate()
        period_data = {
            key: request.GET[key] for key in ("quick", "date_from", "date_to") if key in request.GET
        }
        self.form = PeriodForm(period_data or None, today=self.today)
        if self.form.is_bound and not self.form.is_valid():
            messages.error(
                request, _("The period could not be read; this month's figures are shown instead.")
            )
        self.figures = province_figures(self.form.period(), today=self.today)
        export = requested_format(request)
        if export:
            wanted = table(request.GET.get("table", ""), self.figures)
            if wanted is None:
                messages.error(request, _("There is no such table to export."))
            else:
                title, columns, rows = wanted
                period = self.figures.period
                filename = f"{request.GET['table']}-{period.start:%Y%m%d}-{period.end:%Y%m%d}"
                return export_response(export, title, columns, rows, filename)
        elif request.GET.get("export"):
            messages.error(request, _("Exports are CSV or XLSX."))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        for key in ("export", "table"):
            query.pop(key, None)
        context.update(
            form=self.form,
            figures=self.figures,
            sales=self.figures.sales,
            panels=[(name, chart, EXPORTS.get(name)) for name, chart in charts(self.figures).items()],
            period_query=query.urlencode(),
            report_month=f"{self.figures.period.end:%Y-%m}",
        )
        return context


class ProvinceReportView(View):
    """The month's report as a PDF (``report/yyyy-mm.pdf``); no such month, or one not begun, is a 404."""

    def get(self, request, month):
        period = month_period(month, timezone.localdate())
        if period is None:
            raise Http404(_("There is no report for this month."))
        response = HttpResponse(report_pdf(period, request, charts), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="bao-cao-tinh-{month}.pdf"'
        response["Cache-Control"] = "private, no-store"
        return response
