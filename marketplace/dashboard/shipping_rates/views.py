"""An enterprise's delivery rates: its staff list, add, change and remove them.

Every query starts from the person's own approved enterprise, so another
enterprise's rate is simply not found (404), whatever id is typed into the URL.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.generic import CreateView, DeleteView, ListView, UpdateView
from oscar.core.loading import get_class, get_model

from vendors.membership import approved_enterprise_of

ShippingRate = get_model("shipping", "ShippingRate")
ShippingRateForm = get_class("dashboard.shipping_rates.forms", "ShippingRateForm")
standard_rate = get_class("shipping.rates", "standard_rate")

TEMPLATES = "oscar/dashboard/shipping_rates/"


class EnterpriseRatesMixin:
    success_url = reverse_lazy("dashboard:shipping-rate-list")

    def dispatch(self, request, *args, **kwargs):
        self.enterprise = approved_enterprise_of(request.user)
        if self.enterprise is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return ShippingRate.objects.filter(enterprise=self.enterprise)

    def get_context_data(self, **kwargs):
        return super().get_context_data(enterprise=self.enterprise, **kwargs)


class ShippingRateListView(EnterpriseRatesMixin, ListView):
    template_name = TEMPLATES + "rate_list.html"
    context_object_name = "rates"

    def get_context_data(self, **kwargs):
        return super().get_context_data(standard=standard_rate(self.enterprise), **kwargs)


class RateFormMixin(EnterpriseRatesMixin):
    form_class = ShippingRateForm
    template_name = TEMPLATES + "rate_form.html"
    context_object_name = "rate"

    def form_invalid(self, form):
        messages.error(self.request, _("The rate was not saved: please correct the errors below."))
        return super().form_invalid(form)


class ShippingRateCreateView(RateFormMixin, CreateView):
    def form_valid(self, form):
        form.instance.enterprise = self.enterprise
        messages.success(self.request, _("The delivery rate was added; shoppers can choose it now."))
        return super().form_valid(form)


class ShippingRateUpdateView(RateFormMixin, UpdateView):
    def form_valid(self, form):
        messages.success(self.request, _("The delivery rate was saved."))
        return super().form_valid(form)


class ShippingRateDeleteView(EnterpriseRatesMixin, DeleteView):
    template_name = TEMPLATES + "rate_delete.html"
    context_object_name = "rate"

    def form_valid(self, form):
        messages.success(
            self.request, _("The delivery rate was removed. Orders already placed keep their rate.")
        )
        return super().form_valid(form)
