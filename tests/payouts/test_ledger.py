"""Ledger rows follow parcels: a sale when confirmed, its exact reversal when cancelled or refunded.

Rows are history: nothing can edit or delete them, not even the Django admin.
"""

from decimal import Decimal as D

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.order import parcels
from marketplace.payouts.models import CommissionRate, LedgerEntry, LedgerIsAppendOnly
from tests.factories import parcel_of, product_of, shared_order

Parcel = get_model("order", "Parcel")
Kind = LedgerEntry.Kind

pytestmark = pytest.mark.django_db


def rows(parcel):
    return list(parcel.ledger_entries.order_by("pk").values_list("kind", "gross", "commission", "net"))


def expected_sale(parcel, rate):
    commission = (parcel.lines_total * rate).quantize(D("1"))
    return (Kind.SALE, parcel.total, commission, parcel.total - commission)


def test_a_confirmed_parcel_earns_its_total_less_the_platforms_commission_on_goods(shopper, vendor1, vendor2):
    order = shared_order(shopper, vendor1, vendor2)
    for vendor in (vendor1, vendor2):
        parcel = parcel_of(order, vendor)
        assert rows(parcel) == [expected_sale(parcel, D("0.05"))]
        assert parcel.ledger_entries.get().enterprise == parcel.enterprise


def test_the_platform_rate_is_a_setting(settings, shopper, vendor1, vendor2):
    settings.MARKETPLACE_COMMISSION_RATE = "0.12"
    parcel = parcel_of(shared_order(shopper, vendor1, vendor2), vendor1)
    assert rows(parcel) == [expected_sale(parcel, D("0.12"))]


def test_a_category_rate_overrides_the_platform_rate(shopper, vendor1, vendor2):
    category = product_of(vendor1).categories.order_by("-depth").first()
    CommissionRate.objects.create(category=category, rate=D("0.10"))
    order = shared_order(shopper, vendor1, vendor2)
    assert rows(parcel_of(order, vendor1)) == [expected_sale(parcel_of(order, vendor1), D("0.10"))]
    if not product_of(vendor2).categories.filter(path__startswith=category.path).exists():
        assert rows(parcel_of(order, vendor2)) == [expected_sale(parcel_of(order, vendor2), D("0.05"))]


def test_a_parcel_awaiting_payment_has_earned_nothing_and_its_cancellation_adds_nothing(
    shopper, vendor1, vendor2
):
    parcel = parcel_of(shared_order(shopper, vendor1, vendor2, confirm=False), vendor1)
    assert rows(parcel) == []
    parcels.move(parcel, Parcel.Status.CANCELLED, note="The payment did not go through.")
    assert rows(parcel) == []


@pytest.mark.parametrize("steps", [[], [Parcel.Status.PACKED]])
def test_cancelling_a_sold_parcel_adds_the_exact_reversal(shopper, vendor1, vendor2, steps):
    parcel = parcel_of(shared_order(shopper, vendor1, vendor2), vendor1)
    for step in steps:
        parcels.move(parcel, step)
    parcels.move(parcel, Parcel.Status.CANCELLED, by=vendor1, note="Hết hàng")
    sale, reversal = rows(parcel)
    assert reversal == (Kind.REVERSAL, -sale[1], -sale[2], -sale[3])
    assert parcel.ledger_entries.get(kind=Kind.REVERSAL).note == "Hết hàng"
    assert sum(row[3] for row in rows(parcel)) == 0


def test_refunding_a_delivered_parcel_reverses_the_sale_at_the_rate_it_was_sold(shopper, vendor1, vendor2):
    parcel = parcel_of(shared_order(shopper, vendor1, vendor2), vendor1)
    parcels.move(parcel, Parcel.Status.PACKED)
    parcels.move(parcel, Parcel.Status.SHIPPED, carrier="VNPost", tracking_number="EB1VN")
    parcels.move(parcel, Parcel.Status.DELIVERED)
    # The commission changes after the sale: the reversal still gives back what the sale took.
    category = product_of(vendor1).categories.first()
    CommissionRate.objects.create(category=category, rate=D("0.50"))
    parcels.move(parcel, Parcel.Status.REFUNDED, note="Hàng vỡ")
    sale, reversal = rows(parcel)
    assert reversal == (Kind.REVERSAL, -sale[1], -sale[2], -sale[3])


def test_ledger_rows_cannot_be_edited_or_deleted(shopper, vendor1, vendor2):
    parcel = parcel_of(shared_order(shopper, vendor1, vendor2), vendor1)
    entry = parcel.ledger_entries.get()
    before = rows(parcel)
    entry.net = D("1")
    with pytest.raises(LedgerIsAppendOnly):
        entry.save()
    with pytest.raises(LedgerIsAppendOnly):
        entry.delete()
    with pytest.raises(LedgerIsAppendOnly):
        LedgerEntry.objects.filter(pk=entry.pk).update(net=D("1"))
    with pytest.raises(LedgerIsAppendOnly):
        LedgerEntry.objects.filter(pk=entry.pk).delete()
    with pytest.raises(LedgerIsAppendOnly):
        LedgerEntry.objects.bulk_update([entry], ["net"])
    assert rows(parcel) == before


def test_the_admin_shows_the_ledger_but_cannot_add_change_or_delete(
    client, admin_user, shopper, vendor1, vendor2
):
    entry = parcel_of(shared_order(shopper, vendor1, vendor2), vendor1).ledger_entries.get()
    before = list(LedgerEntry.objects.values())
    client.force_login(admin_user)
    assert client.get(reverse("admin:payouts_ledgerentry_changelist")).status_code == 200
    page = client.get(reverse("admin:payouts_ledgerentry_change", args=[entry.pk]))
    assert page.status_code == 200
    assert b'name="net"' not in page.content  # read-only
    assert (
        client.post(reverse("admin:payouts_ledgerentry_change", args=[entry.pk]), {"net": "1"}).status_code
        == 403
    )
    assert (
        client.post(reverse("admin:payouts_ledgerentry_delete", args=[entry.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert client.get(reverse("admin:payouts_ledgerentry_add")).status_code == 403
    assert list(LedgerEntry.objects.values()) == before


def test_a_parcel_cannot_be_sold_twice_on_the_ledger(shopper, vendor1, vendor2):
    from django.db import IntegrityError, transaction

    from marketplace.payouts import ledger

    parcel = parcel_of(shared_order(shopper, vendor1, vendor2), vendor1)
    with pytest.raises(IntegrityError), transaction.atomic():
        ledger.post_sale(parcel)
    assert len(rows(parcel)) == 1
