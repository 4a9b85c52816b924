"""What every way of paying offers checkout, the webhooks and the dashboard."""

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class PaymentOutcome:
    """What happened when a payment was started or checked.

    ``redirect_url`` is where the shopper goes next (e.g. the card page), or "" when
    the order is settled on the spot (cash on delivery confirms at once).
    """

    succeeded: bool = False
    pending: bool = False
    redirect_url: str = ""
    reference: str = ""  # the provider's id, e.g. a Stripe PaymentIntent id
    message: str = ""  # for the shopper when it did not succeed


class PaymentGateway:
    code: str = ""
    name: str = ""  # shown to the shopper, translated
    confirms_on_placement: bool = False  # cash on delivery: parcels are confirmed when placed
    unavailable_message: str = ""  # shown to the shopper while the gateway cannot take payments
    # Bank transfer: the operator sends the money back by hand and names that outgoing transfer.
    refund_needs_reference: bool = False
    # Cash on delivery: the operator may name the cash handed back (a receipt number, a note).
    refund_takes_reference: bool = False

    def is_available(self) -> bool:
        """Whether the gateway can take a payment now (e.g. its keys are configured)."""
        return True

    def start(self, order, amount: Decimal) -> PaymentOutcome:
        """Begin taking ``amount`` (whole đồng) for a just-placed order."""
        raise NotImplementedError

    def hold_minutes(self) -> int:
        """How long an order waits for this gateway's payment before its stock goes back on sale."""
        from marketplace.payment.outcomes import payment_timeout_minutes

        return payment_timeout_minutes()

    def resume_url(self, order) -> str:
        """Where the shopper goes back to pay an order still awaiting this gateway's payment; ""
        when checkout offers the ways of paying again instead (a card that did not pay)."""
        return ""

    def paid_for(self, parcel) -> bool:
        """Whether the shopper's money for this parcel was received, so a refund gives it back."""
        return parcel.order.sources.filter(amount_debited__gt=0).exists()

    def refund(self, order, amount: Decimal, parcel=None, reference="") -> PaymentOutcome:
        """Give back ``amount``, the whole order or one parcel's share when ``parcel`` is given.

        ``reference`` is the operator's record of money sent back by hand (e.g. the outgoing bank
        transfer's reference) for a gateway whose ``refund_needs_reference``.
        """
        raise NotImplementedError
