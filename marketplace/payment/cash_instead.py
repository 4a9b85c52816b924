"""Paying cash on delivery after a card did not pay: the same order, with its number and its stock.

A declined card, or a card page the shopper left, leaves the order awaiting payment with its stock
held. Switching that order to cash on delivery, rather than cancelling it and placing another from
the basket, gives the shopper one order, numbered as it was, and no second hold on the stock.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from . import bookkeeping, card_payment, outcomes
from .gateways import get_gateway
from .gateways.cash import CashOnDelivery

CASH = CashOnDelivery.code


def pay_on_delivery_instead(order, by=None) -> card_payment.CardResult:
    """Stop the order's card payment and confirm the order as cash on delivery.

    Returns SUCCEEDED when the order stands (now cash on delivery, or paid by card meanwhile),
    else the card payment's reason it could not be switched (cancelled, Stripe not answering).
    """
    cash = get_gateway(CASH)
    with transaction.atomic():
        source = bookkeeping.order_source(order, lock=True)
        if source.source_type.code == CASH:
            return card_payment.CardResult(card_payment.SUCCEEDED)
        if refused := card_payment.stop_attempt(order, source):
            return refused
        source.source_type = bookkeeping.source_type_of(cash)
        source.reference = ""
        source.save(update_fields=["source_type", "reference"])
        outcomes.confirm(order, note=_("Cash on delivery, chosen after the card did not pay."), by=by)
    return card_payment.CardResult(card_payment.SUCCEEDED)
