"""Who may review a product: a signed-in shopper who received it, once.

Received means a parcel of one of the shopper's orders holding a line of the product (or of one
of its variants) was delivered — and stays so if it was refunded after delivery. Staff of an
enterprise selling the product may not review it: they could place an order and mark the parcel
delivered themselves.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

Line = get_model("order", "Line")
Parcel = get_model("order", "Parcel")

# Parcels still on their way to the shopper.
ON_THE_WAY = (
    Parcel.Status.AWAITING_PAYMENT,
    Parcel.Status.CONFIRMED,
    Parcel.Status.PACKED,
    Parcel.Status.SHIPPED,
)


class Verdict(StrEnum):
    ALLOWED = "allowed"
    SIGN_IN = "sign_in"
    OWN_PRODUCT = "own_product"
    ALREADY_REVIEWED = "already_reviewed"
    NOT_DELIVERED = "not_delivered"
    NOT_PURCHASED = "not_purchased"


EXPLANATIONS = {
    Verdict.ALLOWED: _("You received this product: tell other shoppers what you think of it."),
    Verdict.SIGN_IN: _("Sign in to review this product: reviews come from shoppers who received it."),
    Verdict.OWN_PRODUCT: _("Your enterprise sells this product, so you cannot review it."),
    Verdict.ALREADY_REVIEWED: _("You have already reviewed this product."),
    Verdict.NOT_DELIVERED: _("You can review this product after your parcel is delivered."),
    Verdict.NOT_PURCHASED: _(
        "Only shoppers who bought this product can review it, once their parcel is delivered."
    ),
}


@dataclass(frozen=True)
class Eligibility:
    verdict: Verdict

    @property
    def allowed(self):
        return self.verdict is Verdict.ALLOWED

    @property
    def explanation(self):
        return EXPLANATIONS[self.verdict]


def eligibility(product, user):
    """Whether ``user`` may review ``product`` now, and if not, why."""
    if not user.is_authenticated:
        return Eligibility(Verdict.SIGN_IN)
    # Every fact the rule may need, asked in one query; the first that holds decides.
    facts = {
        Verdict.OWN_PRODUCT: product.stockrecords.filter(partner__users=user),
        Verdict.ALREADY_REVIEWED: product.reviews.filter(user=user),
        Verdict.ALLOWED: _bought_in_parcels(product, user, _delivered()),
        Verdict.NOT_DELIVERED: _bought_in_parcels(product, user, Q(status__in=ON_THE_WAY)),
    }
    held = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .values(**{verdict.value: Exists(query) for verdict, query in facts.items()})
    )
    held = held.first() or {}
    for verdict in facts:
        if held.get(verdict.value):
            return Eligibility(verdict)
    return Eligibility(Verdict.NOT_PURCHASED)


def _delivered():
    Status = Parcel.Status
    return Q(status=Status.DELIVERED) | Q(status=Status.REFUNDED, status_changes__to_status=Status.DELIVERED)


def _bought_in_parcels(product, user, parcel_condition):
    """The user's order lines of the product whose parcel meets ``parcel_condition``."""
    parcels = Parcel.objects.filter(parcel_condition, order=OuterRef("order"), enterprise=OuterRef("partner"))
    return Line.objects.filter(Q(product=product) | Q(product__parent=product), order__user=user).filter(
        Exists(parcels)
    )
