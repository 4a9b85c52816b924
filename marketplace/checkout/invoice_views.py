"""The buyer's optional VAT invoice request, a small page of its own reached from the order preview.

Kept apart from the payment step: the details wait in the session (marketplace.invoicing.requests)
until the order is placed, and a refused tax code stores nothing.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView

from marketplace.invoicing import requests as invoice_requests
from marketplace.invoicing.forms import InvoiceRequestForm


class InvoiceRequestView(FormView):
    template_name = "oscar/checkout/invoice_request.html"
    form_class = InvoiceRequestForm

    def dispatch(self, request, *args, **kwargs):
        if request.basket.is_empty:
            messages.error(request, _("You need to add some items to your basket to check out."))
            return redirect("basket:summary")
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return invoice_requests.remembered(self.request.session) or {
            "email": getattr(self.request.user, "email", "") or ""
        }

    def post(self, request, *args, **kwargs):
        if "remove" in request.POST:
            invoice_requests.forget(request.session)
            messages.info(request, _("No VAT invoice will be asked for this order."))
            return redirect("checkout:preview")
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        invoice_requests.remember(self.request.session, form.cleaned_data)
        messages.success(self.request, _("Your VAT invoice details are saved with this order."))
        return redirect("checkout:preview")

    def form_invalid(self, form):
        messages.error(self.request, _("The VAT invoice details were not saved. Please check the form."))
        return super().form_invalid(form)

    def get_context_data(self, **kwargs):
        return super().get_context_data(requested=invoice_requests.remembered(self.request.session), **kwargs)
