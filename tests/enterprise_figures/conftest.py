"""Generated trading history for two enterprises (vendor1's and vendor2's), made the way the site
makes it: orders placed by the OrderCreator, parcels moved along their workflow (which writes the
payouts ledger), payouts recorded by the ledger, reviews and certificates saved as the dashboard
saves them. Only the clock is set: each step happens on the day it is given.
"""

from contextlib import ExitStack, contextmanager
from datetime import datetime, timedelta
from decimal import Decimal as D
from unittest import mock

import pytest
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.order import parcels
from marketplace.order.models import Parcel, ParcelStatusChange
from marketplace.payouts import ledger
from marketplace.payouts.models import LedgerEntry
from marketplace.payouts.months import month_of, previous_month
from tests.factories import ocop_certificate, place_order, ship, stocked_product

ProductReview = get_model("reviews", "ProductReview")
Status = Parcel.Status

# vendor2's price is odd enough that none of vendor1's figures can equal one of its amounts.
OTHER_PRICE = D("123457")


@contextmanager
def on(when):
    """Whatever is written inside happens at ``when``: orders' parcels, their moves, ledger rows."""
    fields = (
        Parcel._meta.get_field("date_created"),
        ParcelStatusChange._meta.get_field("date_created"),
        LedgerEntry._meta.get_field("date"),
    )
    with ExitStack() as stack:
        for field in fields:
            stack.enter_context(mock.patch.object(field, "_get_default", lambda: when))
        yield


def months_ago(count, day=10, hour=10):
    month = month_of(timezone.localdate())
    for _ in range(count):
        month = previous_month(month)
    return timezone.make_aware(datetime(month.year, month.month, day, hour, 0))


def sell(shopper, quantities, when, fate="confirmed", later=None):
    """An order placed at ``when``; each parcel then meets its ``fate`` at ``when`` or at ``later``."""
    with on(when):
        order = place_order(shopper, quantities)
    for parcel in order.parcels.order_by("pk"):
        if fate == "awaiting_payment":
            continue
        with on(when):
            parcels.move(parcel, Status.CONFIRMED, note="Paid.")
        with on(later or when):
            if fate in ("shipped", "delivered", "refunded"):
                ship(parcel, deliver=fate != "shipped")
            if fate == "cancelled":
                parcels.move(parcel, Status.CANCELLED, note="Hết hàng")
            if fate == "refunded":
                parcels.move(parcel, Status.REFUNDED, note="Hàng hỏng")
    return order


class History:
    """What was generated, to look at from the tests."""

    def __init__(self, own, other, own_products, other_product):
        self.own, self.other = own, other
        self.own_products, self.other_product = own_products, other_product


def trade(shopper, own_products, other_product, rounds=1):
    """Orders over 14 months in every fate, each holding lines of both enterprises."""
    a, b, c = own_products
    for round_ in range(rounds):
        sell(shopper, {a: 2, other_product: 1}, months_ago(0, day=1, hour=8 + round_))
        sell(shopper, {b: 1, other_product: 2}, months_ago(0, day=2), fate="shipped")
        sell(shopper, {a: 1, c: 3}, months_ago(1, day=28), fate="cancelled", later=months_ago(0, day=1))
        sell(shopper, {c: 1, other_product: 1}, months_ago(2), fate="delivered")
        sell(shopper, {a: 3, b: 2, other_product: 3}, months_ago(2, day=15), fate="refunded")
        sell(shopper, {b: 4}, months_ago(5), fate="delivered")
        sell(shopper, {a: 1, other_product: 1}, months_ago(5, day=20), fate="awaiting_payment")
        sell(shopper, {c: 5, other_product: 4}, months_ago(11, day=2), fate="delivered")
        sell(shopper, {a: 7, other_product: 1}, months_ago(13), fate="delivered")  # before the 12 months


def review(product, user, score, status=ProductReview.APPROVED):
    return ProductReview.objects.create(
        product=product, user=user, score=score, title=f"{score} sao", body="Nhận xét.", status=status
    )


@pytest.fixture
def history(shopper, vendor1, vendor2, admin_user, django_user_model):
    own, other = vendor1.partners.get(), vendor2.partners.get()
    own_products = [stocked_product(own, stock=500, skip=skip) for skip in range(3)]
    other_product = stocked_product(other, stock=500, price=OTHER_PRICE)
    trade(shopper, own_products, other_product)
    last_month = previous_month(month_of(timezone.localdate()))
    ledger.pay(own, last_month, D(1000), "CK-0001", by=admin_user)
    readers = [
        django_user_model.objects.create_user(
            username=f"reader{i}", email=f"reader{i}@example.vn", password="x"
        )
        for i in range(3)
    ]
    for reader, score in zip(readers, (2, 4, 5), strict=True):
        review(own_products[0], reader, score)
    review(own_products[1], readers[0], 3)
    review(own_products[1], readers[1], 1, status=ProductReview.REJECTED)  # hidden: not counted
    review(own_products[2], readers[2], 4, status=ProductReview.FOR_MODERATION)  # not yet published
    review(other_product, readers[0], 1)
    today = timezone.localdate()
    ocop_certificate(own_products[0], own, decision_number="IN-FORCE/QĐ-UBND")
    ocop_certificate(
        own_products[1], own, decision_number="SOON/QĐ-UBND", valid_until=today + timedelta(days=30)
    )
    ocop_certificate(
        own_products[2], own, decision_number="LAPSED/QĐ-UBND", valid_until=today - timedelta(days=3)
    )
    ocop_certificate(own_products[2], own, decision_number="PENDING/QĐ-UBND", status="pending")
    ocop_certificate(other_product, other, decision_number="OTHER-ENTERPRISE/QĐ-UBND")
    return History(own, other, own_products, other_product)
