from django.http import Http404
from django.utils.translation import gettext as _
from oscar.apps.dashboard.orders import views
from oscar.core.loading import get_model

Line = get_model("order", "Line")


def lines_for_user(order, user):
    """The order's lines a dashboard user may see: all for staff, their enterprises' otherwise."""
    lines = order.lines.all()
    return lines if user.is_staff else lines.filter(partner__users=user)


class OrderDetailView(views.OrderDetailView):
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
        return context


class LineDetailView(views.LineDetailView):
    def get_object(self, queryset=None):
        order = views.get_order_for_user_or_404(self.request.user, self.kwargs["number"])
        try:
            return lines_for_user(order, self.request.user).get(pk=self.kwargs["line_id"])
        except Line.DoesNotExist:
            raise Http404() from None
