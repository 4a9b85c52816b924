"""Monthly statements and payouts in the dashboard.

Enterprise staff reach only their own enterprises' statements (:func:`enterprises_for_user`);
operators see every enterprise and record payouts. The figures come from
``marketplace.payouts`` so the page, the CSV and the payout rules agree.
"""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from oscar.core.loading import get_model

from marketplace.payouts import declaration, ledger, statements
from marketplace.payouts.models import LedgerEntry
from marketplace.payouts.months import month_of, next_month, previous_month
from marketplace.reports.exports import FORMATS, Column, export_response, requested_format

from .forms import MonthForm, PayoutForm

Partner = get_model("partner", "Partner")


def enterprises_for_user(user):
    """Enterprises whose statements a dashboard user may see: all for operators, their own otherwise."""
    return Partner.objects.all() if user.is_staff else Partner.objects.filter(users=user)


def default_month(user, enterprises):
    """Operators open on last month, the one due to be paid; an enterprise on its own current
    month, or the latest one with activity (:func:`statements.opening_month`)."""
    if user.is_staff:
        return previous_month(month_of(timezone.localdate()))
    return statements.opening_month(enterprises)


class StatementListView(TemplateView):
    """Each enterprise's balance for a month, with a link to its statement."""

    template_name = "oscar/dashboard/payouts/list.html"

    def get_context_data(self, **kwargs):
        form = MonthForm(self.request.GET if "month" in self.request.GET else None)
        if form.is_bound and not form.is_valid():
            messages.warning(self.request, form.errors["month"][0])
        enterprises = enterprises_for_user(self.request.user)
        if form.is_bound and form.is_valid():
            month = form.cleaned_data["month"]
        else:
            month = default_month(self.request.user, enterprises)
        if self.request.user.is_staff:
            enterprises = enterprises.filter(Exists(LedgerEntry.objects.filter(enterprise=OuterRef("pk"))))
        rows = statements.balances(enterprises, month).order_by("name", "pk")
        return super().get_context_data(
            form=MonthForm(initial={"month": month}), month=month, enterprises=rows, **kwargs
        )


class StatementMixin:
    """Finds the enterprise and month in the URL; another enterprise's statement is a 404."""

    def dispatch(self, request, *args, **kwargs):
        self.enterprise = get_object_or_404(enterprises_for_user(request.user), pk=kwargs["enterprise"])
        try:
            self.month = datetime.date(kwargs["year"], kwargs["month"], 1)
        except ValueError:
            raise Http404(_("There is no such month.")) from None
        return super().dispatch(request, *args, **kwargs)

    def statement_url(self):
        return redirect(
            "dashboard:payout-statement",
            enterprise=self.enterprise.pk,
            year=self.month.year,
            month=self.month.month,
        )


class StatementView(StatementMixin, TemplateView):
    template_name = "oscar/dashboard/payouts/statement.html"

    def get_context_data(self, **kwargs):
        statement = statements.statement(self.enterprise, self.month)
        can_pay = self.request.user.is_staff and statement.is_over and statement.payout is None
        if can_pay and "payout_form" not in kwargs:
            kwargs["payout_form"] = PayoutForm(initial={"amount": max(statement.owed, 0)})
        # The URL's enterprise and month arrive in kwargs as ids and numbers: replace them.
        kwargs.update(
            statement=statement,
            enterprise=self.enterprise,
            month=self.month,
            can_pay=can_pay,
            previous_month=previous_month(self.month),
            next_month=None if self.month >= month_of(timezone.localdate()) else next_month(self.month),
        )
        return super().get_context_data(**kwargs)


class StatementCSVView(StatementMixin, View):
    """The statement as a spreadsheet: UTF-8 with a byte-order mark so Excel shows Vietnamese right."""

    def get(self, request, *args, **kwargs):
        statement = statements.statement(self.enterprise, self.month)
        filename = f"statement-{self.enterprise.slug or self.enterprise.pk}-{self.month:%Y-%m}.csv"
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response.write("\ufeff")
        statements.write_csv(statement, response)
        return response


class PayoutView(StatementMixin, TemplateView):
    """Record that the operator paid the enterprise for the month; the rules may refuse it."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = PayoutForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("The payout was not recorded. Please check the form."))
            view = StatementView(request=request, args=args, kwargs=kwargs)
            view.enterprise, view.month = self.enterprise, self.month
            return view.render_to_response(view.get_context_data(payout_form=form))
        data = form.cleaned_data
        try:
            ledger.pay(
                self.enterprise,
                self.month,
                data["amount"],
                data["reference"],
                by=request.user,
                note=data["note"],
            )
        except ValidationError as refusal:
            messages.error(request, " ".join(refusal.messages))
        except IntegrityError:
            # Another operator recorded this month's payout at the same instant.
            messages.error(request, _("This month has already been paid to the enterprise."))
        else:
            messages.success(
                request,
                _("Payout recorded for %(name)s, %(month)s.")
                % {"name": self.enterprise.name, "month": date_format(self.month, "YEAR_MONTH_FORMAT")},
            )
        return self.statement_url()


class DeclarationView(TemplateView):
    """Operators: the month's tax withheld per household business, for the platform's filing, as a
    page and as CSV or XLSX (``?month=YYYY-MM&export=csv|xlsx``). Holds owners' personal IDs, so it
    is for operators only (``payout-declaration`` in the app's permissions)."""

    template_name = "oscar/dashboard/payouts/declaration.html"
    columns = [
        Column(gettext_lazy("Seller")),
        Column(gettext_lazy("Tax code")),
        Column(gettext_lazy("Address")),
        Column(gettext_lazy("Revenue"), "money"),
        Column(gettext_lazy("VAT withheld"), "money"),
        Column(gettext_lazy("PIT withheld"), "money"),
        Column(gettext_lazy("Number of sales"), "int"),
    ]

    def get(self, request, *args, **kwargs):
        form = MonthForm(request.GET if "month" in request.GET else None)
        if form.is_bound and not form.is_valid():
            messages.warning(request, form.errors["month"][0])
        valid = form.is_bound and form.is_valid()
        self.month = form.cleaned_data["month"] if valid else previous_month(month_of(timezone.localdate()))
        self.declaration = declaration.declaration(self.month)
        export_format = requested_format(request)
        if export_format and (valid or not form.is_bound):
            title = _("Tax withheld %(month)s") % {"month": f"{self.month:%m-%Y}"}
            filename = f"tax-withheld-{self.month:%Y-%m}"
            return export_response(export_format, title, self.columns, self.declaration.rows(), filename)
        if request.GET.get("export") and not export_format:
            messages.error(request, _("Exports are CSV or XLSX."))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        query = f"month={self.month:%Y-%m}"
        return super().get_context_data(
            form=MonthForm(initial={"month": self.month}),
            month=self.month,
            declaration=self.declaration,
            export_links=[(export_format, f"{query}&export={export_format}") for export_format in FORMATS],
            **kwargs,
        )
