"""Placing an order below the views: stock under row locks, parcels, numbers, and nothing half-made."""

from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from marketplace.order.models import Parcel
from marketplace.order.stock import NotEnoughStock
from tests.factories import basket_with, enterprise_of, place

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


def test_an_order_gets_one_parcel_per_enterprise_numbered_in_basket_order(two_enterprise_products, vendor2):
    first, second = two_enterprise_products
    order = place(basket_with((second, 1), (first, 2)))

    parcels = list(order.parcels.order_by("number"))
    assert parcels[0].enterprise == enterprise_of(vendor2)
    assert [parcel.number for parcel in parcels] == [f"{order.number}-1", f"{order.number}-2"]
    assert all(parcel.status == Parcel.Status.AWAITING_PAYMENT for parcel in parcels)
    assert sum(parcel.total for parcel in parcels) == order.total_incl_tax
    assert [list(parcel.lines) for parcel in parcels] == [
        list(order.lines.filter(partner=parcel.enterprise)) for parcel in parcels
    ]


def test_not_enough_stock_refuses_the_whole_order_and_allocates_nothing(two_enterprise_products):
    first, second = two_enterprise_products
    basket = basket_with((first, 2), (second, 3))
    StockRecord.objects.filter(product=second).update(num_allocated=8)  # 2 left, 3 wanted

    with pytest.raises(NotEnoughStock) as refused:
        place(basket)
    assert second.get_title() in str(refused.value)
    assert not Order.objects.filter(basket=basket).exists()
    assert not Parcel.objects.filter(order__basket=basket).exists()
    assert StockRecord.objects.get(product=first).num_allocated == 0


def test_a_basket_placed_again_after_a_failed_payment_gets_a_new_number(two_enterprise_products):
    basket = basket_with((two_enterprise_products[0], 1))
    first = place(basket)
    again = place(basket)
    assert again.number == f"{first.number}R2"
    assert again.parcels.get().number == f"{first.number}R2-1"


def test_the_parcel_charges_are_the_order_shipping(two_enterprise_products):
    order = place(basket_with((two_enterprise_products[0], 1), (two_enterprise_products[1], 1)))
    assert sum(parcel.shipping_charge for parcel in order.parcels.all()) == order.shipping_incl_tax
    assert order.shipping_incl_tax == Decimal("60000")
