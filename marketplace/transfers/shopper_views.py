"""The shopper's transfer page: the VietQR code and the account details, until the money arrives."""

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from marketplace.order.models import Parcel
from marketplace.payment.payer import PayerOrderMixin

from . import qr, vietqr, waiting
from .gateway import BankTransfer, bank_account
from .references import reference_for


class TransferOrderMixin(PayerOrderMixin):
    """The order named in the URL, paid by bank transfer, for its own shopper only (else 404)."""

    gateway_code = BankTransfer.code

    def payload(self):
        account = bank_account()
        return vietqr.build(
            account.get("BANK_BIN", ""),
            account.get("ACCOUNT_NUMBER", ""),
            self.order.total_incl_tax,
            reference_for(self.order.number),
        )

    def state(self):
        return waiting.state_of(self.order, BankTransfer())


class TransferPaymentView(TransferOrderMixin, TemplateView):
    template_name = "transfers/pay.html"

    def get(self, request, *args, **kwargs):
        self.current_state = self.state()
        if self.current_state == waiting.RELEASED:
            messages.warning(
                request, _("This order can no longer be paid: it was cancelled. Your basket is kept.")
            )
            return HttpResponseRedirect(reverse("basket:summary"))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        state = self.current_state  # read once in get(), which decided to show the page
        return super().get_context_data(
            order=self.order,
            state=state,
            account=bank_account(),
            reference=reference_for(self.order.number),
            amount=vietqr.whole_dong(self.order.total_incl_tax),
            hold_until=waiting.hold_until(self.order, BankTransfer()),
            parcels=self.order.parcels.select_related("enterprise").order_by("pk"),
            thank_you_url=self.thank_you() if state == waiting.PAID else "",
            status_url=reverse("transfers:status", kwargs={"number": self.order.number}),
            **kwargs,
        )


class TransferQrView(TransferOrderMixin, View):
    """The order's VietQR code as a PNG, for the page's image."""

    def get(self, request, *args, **kwargs):
        response = HttpResponse(qr.png(self.payload()), content_type="image/png")
        response["Cache-Control"] = "private, no-store"
        return response


class TransferStatusView(TransferOrderMixin, View):
    """What the page's script polls: has the money arrived, and where to go next."""

    def get(self, request, *args, **kwargs):
        state = self.state()
        body = {"status": state}
        if state == waiting.PAID:
            body["redirect"] = self.thank_you()
        elif state == waiting.RELEASED:
            body["redirect"] = reverse("basket:summary")
        body["awaiting_parcels"] = self.order.parcels.filter(status=Parcel.Status.AWAITING_PAYMENT).count()
        response = JsonResponse(body)
        response["Cache-Control"] = "private, no-store"
        return response
