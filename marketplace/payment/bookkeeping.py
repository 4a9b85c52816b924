"""Where the money of an order is written down: Oscar's payment Source, its Transactions, and
the order's refund PaymentEvents.

One Source per order, of the type named after the gateway's code, so the order's gateway is
always known from its books (``gateway_for``). ``amount_allocated`` is what the order asks of
the source, ``amount_debited`` what was taken, ``amount_refunded`` what was given back; each
change is a Transaction whose ``reference`` is the provider's id (PaymentIntent, refund), which
is how a webhook recognises money already written down.
"""

from decimal import Decimal

from django.utils import translation
from oscar.core.loading import get_class, get_model

from marketplace.audit import log as audit_log

from .gateways import gateways, get_gateway

Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")
Transaction = get_model("payment", "Transaction")
PaymentEventType = get_model("order", "PaymentEventType")
PaymentEventQuantity = get_model("order", "PaymentEventQuantity")
EventHandler = get_class("order.processing", "EventHandler")

# A card payment the shopper tried (declined, waiting for 3-D Secure...): kept for the operator.
ATTEMPT = "Attempt"
REFUNDED_EVENT = "Refunded"
# Money given back at Stripe that matches no parcel: shared out on the ledger, for the operator to check.
TO_REVIEW_EVENT = "Refunded, to review"


def open_source(order, gateway, amount: Decimal):
    """The order's Source for ``gateway``, created once (placing an order twice never doubles it)."""
    source, _ = Source.objects.get_or_create(
        order=order,
        defaults={
            "source_type": source_type_of(gateway),
            "currency": order.currency,
            "amount_allocated": amount,
        },
    )
    return source


def source_type_of(gateway):
    """The SourceType named after the gateway's code (its stored name is English; pages show the
    gateway's translated name, see ``marketplace.payment.models.SourceType``)."""
    with translation.override("en"):
        name = str(gateway.name)
    source_type, _ = SourceType.objects.get_or_create(code=gateway.code, defaults={"name": name})
    return source_type


def order_source(order, lock=False):
    """The order's Source; ``lock`` holds its row until the transaction ends (call inside atomic)."""
    sources = Source.objects.select_related("source_type")
    if lock:
        sources = sources.select_for_update()
    return sources.get(order=order)


def gateway_for(order):
    return get_gateway(order_source(order).source_type.code)


def started_gateway(order):
    """The gateway the order's payment started with, or None while none has (no Source yet)."""
    source = order.sources.select_related("source_type").first()
    return gateways().get(source.source_type.code) if source else None


def has_transaction(source, txn_type, reference):
    return source.transactions.filter(txn_type=txn_type, reference=reference).exists()


def record_debit(source, amount: Decimal, reference) -> bool:
    """Money taken for the order (``source`` locked), once per provider reference (a bank's
    transaction id, a PaymentIntent); False when that reference was written down already."""
    if has_transaction(source, source.transactions.model.DEBIT, reference):
        return False
    source.debit(amount, reference=reference, status="succeeded")
    return True


def record_attempt(source, reference, status):
    """Write down one card attempt, once per (attempt, status)."""
    if reference and not source.transactions.filter(txn_type=ATTEMPT, reference=reference, status=status):
        source.transactions.create(
            txn_type=ATTEMPT, amount=source.amount_allocated, reference=reference, status=status
        )


def refunded_event_type(to_review=False):
    code, name = ("refunded-to-review", TO_REVIEW_EVENT) if to_review else ("refunded", REFUNDED_EVENT)
    event_type, _ = PaymentEventType.objects.get_or_create(code=code, defaults={"name": name})
    return event_type


def record_refund(source, amount: Decimal, reference, parcels=(), to_review=False, by=None, reason=""):
    """Money given back: the Source's refund (Transaction + ``amount_refunded``), the order's
    payment event, on the lines of the parcels it refunds (none: a refund of the order as a whole),
    and the audit log's entry of who decided it (nobody: Stripe or the payment rules) and why.

    ``to_review`` marks a refund no parcel matched, which the operator should check.
    """
    source.refund(amount, reference=reference, status="succeeded")
    enterprises = {parcel.enterprise_id: parcel.enterprise for parcel in parcels}
    audit_log.record(
        "refund",
        source.order,
        by=by,
        reason=reason,
        amount=amount,
        label=source.order.number,
        enterprise=next(iter(enterprises.values())) if len(enterprises) == 1 else None,
    )
    lines = [line for parcel in parcels for line in parcel.lines]
    EventHandler().handle_payment_event(
        source.order,
        refunded_event_type(to_review),
        amount,
        lines=lines,
        line_quantities=[line.quantity for line in lines],
        reference=reference,
    )


def refunds_to_review(order):
    """The order's refunds that matched no parcel (see ``record_refund``), oldest first."""
    return order.payment_events.filter(event_type__code="refunded-to-review").order_by("date_created", "pk")


def is_refunded(parcel):
    """Whether the parcel's lines were already refunded (Oscar counts payment events per line)."""
    return PaymentEventQuantity.objects.filter(
        event__event_type__code="refunded",
        line__order_id=parcel.order_id,
        line__partner_id=parcel.enterprise_id,
    ).exists()
