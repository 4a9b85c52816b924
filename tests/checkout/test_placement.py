"""Placing an order below the views: stock under row locks, parcels, numbers, and nothing half-made."""

from decimal import Decimal

import pytest
from oscar.core.loading import get_class, get_model

from marketplace.order.models import VendorOrder
from marketplace.order.stock import NotEnoughStock
from tests.checkout.conftest import enterprise_of

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")
OrderCreator = get_class("order.utils", "OrderCreator")
OrderNumberGenerator = get_class("order.utils", "OrderNumberGenerator")
OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")
Repository = get_class("shipping.repository", "Repository")
Selector = get_class("partner.strategy", "Selector")

pytestmark = pytest.mark.django_db


def basket_with(*items):
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    for product, quantity in items:
        basket.add_product(product, quantity)
    return basket


def place(basket):
    shipping = Repository().parcel_shipping(basket)
    charge = shipping.calculate(basket)
    total = OrderTotalCalculator().calculate(basket, charge)
    number = OrderNumberGenerator().order_number(basket)
    return OrderCreator().place_order(basket, total, shipping, charge, order_number=number)


def test_an_order_gets_one_parcel_per_enterprise_numbered_in_basket_order(two_enterprise_products, vendor2):
    first, second = two_enterprise_products
    order = place(basket_with((second, 1), (first, 2)))

    parcels = list(order.vendor_orders.order_by("number"))
    assert parcels[0].enterprise == enterprise_of(vendor2)
    assert [parcel.number for parcel in parcels] == [f"{order.number}-1", f"{order.number}-2"]
    assert all(parcel.status == VendorOrder.Status.AWAITING_PAYMENT for parcel in parcels)
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
    assert not VendorOrder.objects.filter(order__basket=basket).exists()
    assert StockRecord.objects.get(product=first).num_allocated == 0


def test_a_basket_placed_again_after_a_failed_payment_gets_a_new_number(two_enterprise_products):
    basket = basket_with((two_enterprise_products[0], 1))
    first = place(basket)
    again = place(basket)
    assert again.number == f"{first.number}R2"
    assert again.vendor_orders.get().number == f"{first.number}R2-1"


def test_the_parcel_charges_are_the_order_shipping(two_enterprise_products):
    order = place(basket_with((two_enterprise_products[0], 1), (two_enterprise_products[1], 1)))
    assert sum(parcel.shipping_charge for parcel in order.vendor_orders.all()) == order.shipping_incl_tax
    assert order.shipping_incl_tax == Decimal("60000")
