"""Bank transfer by VietQR: the order waits, its stock held, until the money reaches the account.

The shopper scans the code on the transfer page (``transfers:pay``); the bank's notification or the
operator's match of a statement line confirms the parcels (:mod:`marketplace.payment.outcomes`).
"""

from decimal import Decimal

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from marketplace.payment.gateways.base import PaymentGateway, PaymentOutcome

from . import vietqr


def bank_account() -> dict:
    """The marketplace's receiving account (``settings.BANK_TRANSFER``)."""
    return getattr(settings, "BANK_TRANSFER", {}) or {}


def is_configured() -> bool:
    """The account can receive a VietQR transfer: a 6-digit BIN, a number and a holder's name."""
    account = bank_account()
    try:
        vietqr.build(account.get("BANK_BIN", ""), account.get("ACCOUNT_NUMBER", ""), 1, "OCOP1")
    except vietqr.InvalidPayload:
        return False
    return bool(account.get("ACCOUNT_NAME"))


class BankTransfer(PaymentGateway):
    code = "transfer"
    name = _("Bank transfer (VietQR)")
    confirms_on_placement = False
    unavailable_message = _("Bank transfer is not available at the moment.")
    refund_needs_reference = True

    def is_available(self) -> bool:
        return is_configured()

    def hold_minutes(self) -> int:
        """A transfer takes longer than a card: the shopper opens the banking app, the bank tells us."""
        return int(bank_account().get("HOLD_MINUTES") or 60)

    def start(self, order, amount: Decimal) -> PaymentOutcome:
        from marketplace.payment import bookkeeping

        vietqr.whole_dong(amount)  # refuse a fraction of a đồng before the shopper sees the code
        bookkeeping.open_source(order, self, amount)
        return PaymentOutcome(pending=True, redirect_url=self.resume_url(order))

    def resume_url(self, order) -> str:
        return reverse("transfers:pay", kwargs={"number": order.number})

    def refund(self, order, amount: Decimal, parcel=None, reference="") -> PaymentOutcome:
        # The operator sends the money back from the bank and names that outgoing transfer here.
        reference = (reference or "").strip()
        if not reference:
            return PaymentOutcome(
                message=_("Please give the reference of the transfer that sent the money back.")
            )
        return PaymentOutcome(succeeded=True, reference=reference)
