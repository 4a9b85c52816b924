"""The parcels dashboard: an enterprise's own parcels (all of them for the platform's staff).

Access is Oscar's dashboard permission check (staff or enterprise staff, set on the app
config); which parcels a person reaches is ``marketplace.dashboard.scope``, and every status
change goes through ``marketplace.order.parcels`` (a cancellation through
``marketplace.payment.cancellation``, which also gives a paid parcel's money back).
"""

from django.contrib import messages
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, ListView
from oscar.core.loading import get_model

from marketplace.dashboard.decisions import DecisionViewMixin
from marketplace.dashboard.queues import StatusQueueMixin, status_counts
from marketplace.dashboard.scope import parcels_for_user
from marketplace.order import parcels
from marketplace.payment import cancellation

from .forms import ParcelFilterForm, ParcelMoveForm
from .invoices import invoice_panel

Parcel = get_model("order", "Parcel")
ParcelStatusChange = get_model("order", "ParcelStatusChange")
Line = get_model("order", "Line")


class ParcelListView(StatusQueueMixin, ListView):
    template_name = "oscar/dashboard/parcels/list.html"
    context_object_name = "parcels"
    filter_form_class = ParcelFilterForm

    def get_queryset(self):
        queryset = parcels_for_user(self.request.user).select_related("order__shipping_address")
        return self.filtered(queryset).order_by("-date_created", "-pk")

    def status_counts(self):
        return status_counts(parcels_for_user(self.request.user), "status", Parcel.Status.choices)

    def get_context_data(self, **kwargs):
        return super().get_context_data(show_enterprise=self.request.user.is_staff, **kwargs)


class ParcelDetailView(DetailView):
    """What to ship and where: the parcel's lines, the shopper's address, its history, the next step."""

    template_name = "oscar/dashboard/parcels/detail.html"
    context_object_name = "parcel"
    slug_field = slug_url_kwarg = "number"

    def get_queryset(self):
        return (
            parcels_for_user(self.request.user)
            .select_related("order__shipping_address__country", "order__user")
            .prefetch_related(
                Prefetch("status_changes", ParcelStatusChange.objects.select_related("changed_by"))
            )
        )

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", ParcelMoveForm(self.object))
        return super().get_context_data(
            lines=self.object.lines.select_related("product"),
            shipping_address=self.object.order.shipping_address,
            show_enterprise=self.request.user.is_staff,
            **invoice_panel(self.object, kwargs.pop("invoice_form", None)),
            **kwargs,
        )


class ParcelMoveView(DecisionViewMixin, ParcelDetailView):
    """Apply one action; a refused one is shown on the detail page with nothing changed."""

    decision_form_class = ParcelMoveForm
    invalid_message = gettext_lazy("The parcel was not changed. Please check the form.")

    def decide(self, parcel, data):
        if data["to_status"] != Parcel.Status.CANCELLED:
            parcels.move(
                parcel,
                data["to_status"],
                by=self.request.user,
                note=data["note"],
                carrier=data["carrier"],
                tracking_number=data["tracking_number"],
            )
        else:
            try:
                cancellation.cancel_parcel(parcel, by=self.request.user, reason=data["note"])
            except cancellation.RefundFailed as failure:
                messages.error(
                    self.request,
                    _(
                        "The parcel is cancelled and its stock returned, but the refund did not go through "
                        "(%(reason)s). Please ask the marketplace's staff to refund it from the order."
                    )
                    % {"reason": failure},
                )
                return None
            if cancellation.refund_sent_by_hand(parcel):
                messages.info(
                    self.request,
                    _(
                        "The shopper paid by bank transfer: the marketplace's staff send the money back "
                        "and record it on the order."
                    ),
                )
        return _("Parcel %(number)s is now %(status)s.") % {
            "number": parcel.number,
            "status": parcel.get_status_display().lower(),
        }

    def detail_url(self, parcel):
        return reverse("dashboard:parcel-detail", kwargs={"number": parcel.number})
