"""Cash on delivery: the shopper pays the courier, so no money passes through the marketplace."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from marketplace.order.models import Parcel

from .base import PaymentGateway, PaymentOutcome


class CashOnDelivery(PaymentGateway):
    code = "cod"
    name = _("Cash on delivery")
    confirms_on_placement = True
    refund_takes_reference = True

    def start(self, order, amount: Decimal) -> PaymentOutcome:
        from marketplace.payment import bookkeeping

        bookkeeping.open_source(order, self, amount)
        return PaymentOutcome(succeeded=True)

    def paid_for(self, parcel) -> bool:
        # The courier collects the cash when the parcel is handed over.
        return parcel.status == Parcel.Status.DELIVERED

    def refund(self, order, amount: Decimal, parcel=None, reference="") -> PaymentOutcome:
        # The enterprise hands the cash back; the marketplace only keeps the record, under the
        # operator's reference (a receipt number) when given.
        label = parcel.number if parcel else order.number
        return PaymentOutcome(succeeded=True, reference=reference.strip() or f"cash-refund-{label}")
