"""Oscar's order pages, the operator's only (see apps.py), with the operator's refund."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from oscar.apps.dashboard.orders import views

from marketplace.payment import refunds
from marketplace.payment.forms import RefundForm


class OrderDetailView(views.OrderDetailView):
    order_actions = (*views.OrderDetailView.order_actions, "refund")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["refund_form"] = RefundForm(self.object)
        context["refund_preview"] = refunds.preview(self.object)
        return context

    def refund(self, request, order):
        """The operator gives money back through the order's gateway: one parcel or the whole order."""
        form = RefundForm(order, request.POST)
        if not form.is_valid():
            problems = [message for errors in form.errors.values() for message in errors]
            return self.reload_page(fragment="payment", error=" ".join(problems))
        parcel = form.cleaned_data["parcel"]
        try:
            made = refunds.refund(
                order,
                parcel=parcel,
                by=request.user,
                reason=form.cleaned_data["reason"],
                reference=form.cleaned_data.get("reference", ""),
            )
        except ValidationError as error:
            return self.reload_page(fragment="payment", error=" ".join(error.messages))
        if made:
            messages.success(request, _("The refund was made."))
        else:
            messages.info(request, refunds.nothing_to_refund_message(order, parcel))
        return self.reload_page(fragment="payment")
