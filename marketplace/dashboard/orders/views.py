from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from oscar.apps.dashboard.orders import views
from oscar.core.loading import get_model

from marketplace.payment import refunds
from marketplace.payment.forms import RefundForm

Line = get_model("order", "Line")


def lines_for_user(order, user):
    """The order's lines a dashboard user may see: all for staff, their enterprises' otherwise."""
    lines = order.lines.all()
    return lines if user.is_staff else lines.filter(partner__users=user)


class OrderDetailView(views.OrderDetailView):
    order_actions = (*views.OrderDetailView.order_actions, "refund")

    def get_order_lines(self):
        return lines_for_user(self.object, self.request.user)

    def handle_order_action(self, request, order, action):
        if not request.user.is_staff:
            return self.reload_page(error=_("Only the marketplace operator can change the whole order."))
        return super().handle_order_action(request, order, action)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["lines"] = self.get_order_lines()
        context["is_enterprise_view"] = not self.request.user.is_staff
        if self.request.user.is_staff:
            context["refund_form"] = RefundForm(self.object)
        return context

    def refund(self, request, order):
        """The operator gives money back through the order's gateway: one parcel or the whole order."""
        form = RefundForm(order, request.POST)
        if not form.is_valid():
            problems = [message for errors in form.errors.values() for message in errors]
            return self.reload_page(fragment="payment", error=" ".join(problems))
        try:
            made = refunds.refund(
                order,
                vendor_order=form.cleaned_data["parcel"],
                by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            return self.reload_page(fragment="payment", error=" ".join(error.messages))
        if made:
            messages.success(request, _("The refund was made."))
        else:
            messages.info(request, _("Nothing was paid for this yet, so there is nothing to refund."))
        return self.reload_page(fragment="payment")


class LineDetailView(views.LineDetailView):
    def get_object(self, queryset=None):
        order = views.get_order_for_user_or_404(self.request.user, self.kwargs["number"])
        try:
            return lines_for_user(order, self.request.user).get(pk=self.kwargs["line_id"])
        except Line.DoesNotExist:
            raise Http404() from None
