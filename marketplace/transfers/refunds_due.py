"""Money the operator owes back by bank transfer: parcels of orders paid by transfer that were
cancelled after the money arrived and have not been refunded yet.

A card refund goes back through Stripe the moment a parcel is cancelled; a transfer has to be
sent by a person, so these wait on the operator's list until the refund is recorded on the order
(with the outgoing transfer's reference).
"""

from django.db.models import Exists, OuterRef
from oscar.core.loading import get_model

from marketplace.order.models import Parcel

PaymentEventQuantity = get_model("order", "PaymentEventQuantity")


def refunds_to_send():
    """Cancelled parcels of orders paid by transfer whose money has not gone back, oldest first."""
    refunded = PaymentEventQuantity.objects.filter(
        event__event_type__code="refunded",
        line__order_id=OuterRef("order_id"),
        line__partner_id=OuterRef("enterprise_id"),
    )
    return (
        Parcel.objects.filter(
            status=Parcel.Status.CANCELLED,
            order__sources__source_type__code="transfer",
            order__sources__amount_debited__gt=0,
        )
        .exclude(Exists(refunded))
        .select_related("order", "enterprise")
        .order_by("date_updated", "pk")
    )
