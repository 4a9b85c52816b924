"""An enterprise's e-invoice data: a parcel's file, a month's file, and recording the issued invoice.

Every parcel is reached through ``marketplace.dashboard.scope`` (another enterprise's parcel is a
404); the files are built by ``marketplace.invoicing.exports``.
"""

import re

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from marketplace.dashboard.scope import parcels_for_user
from marketplace.invoicing import exports
from marketplace.invoicing.forms import IssuedInvoiceForm
from marketplace.invoicing.recording import record_issued

from .views import ParcelDetailView

MONTHS_SHOWN = 12
NO_INVOICE = gettext_lazy("A parcel that is awaiting payment, cancelled or refunded has no invoice data.")


def attachment(name, content_type, content):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


class ParcelInvoiceFileView(View):
    """One parcel's invoice data as XML or CSV; none for a parcel that is not going ahead."""

    def get(self, request, number, kind):
        parcel = get_object_or_404(parcels_for_user(request.user), number=number)
        if not exports.is_invoiced(parcel):
            messages.error(request, NO_INVOICE)
            return redirect("dashboard:parcel-detail", number=parcel.number)
        return attachment(*exports.parcel_file(parcel, kind))


class IssuedInvoiceView(ParcelDetailView):
    """Record the e-invoice issued for the parcel, or correct it; a refused form changes nothing."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        self.object = parcel = self.get_object()
        if not exports.is_invoiced(parcel):
            messages.error(request, NO_INVOICE)
            return redirect("dashboard:parcel-detail", number=parcel.number)
        form = IssuedInvoiceForm(request.POST, instance=exports.issued_of(parcel))
        if not form.is_valid():
            messages.error(request, _("The invoice was not recorded. Please check the form."))
            return self.render_to_response(self.get_context_data(invoice_form=form))
        invoice = record_issued(parcel, form, by=request.user)
        messages.success(
            request,
            _("Invoice %(invoice)s is recorded for parcel %(number)s.")
            % {"invoice": str(invoice), "number": parcel.number},
        )
        return redirect("dashboard:parcel-detail", number=parcel.number)


class MonthlyInvoicesView(TemplateView):
    """The last twelve months, each with its number of invoiced parcels and its files."""

    template_name = "oscar/dashboard/parcels/invoices.html"

    def get_context_data(self, **kwargs):
        parcels = parcels_for_user(self.request.user)
        today = timezone.localdate()
        months = []
        year, month = today.year, today.month
        for _step in range(MONTHS_SHOWN):
            count = exports.month_parcels(parcels, year, month).count()
            months.append({"key": f"{year}-{month:02d}", "label": f"{month:02d}/{year}", "count": count})
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        return super().get_context_data(months=months, **kwargs)


class MonthlyInvoiceFileView(View):
    MONTH = re.compile(r"(\d{4})-(\d{2})")

    def get(self, request, month, kind):
        found = self.MONTH.fullmatch(month)
        if not found or not 1 <= int(found[2]) <= 12:
            messages.error(request, _("Please choose a month from the list."))
            return redirect("dashboard:parcel-invoices")
        year, number = int(found[1]), int(found[2])
        return attachment(*exports.month_file(parcels_for_user(request.user), year, number, kind))
