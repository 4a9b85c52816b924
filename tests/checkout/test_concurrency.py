"""Several shoppers buy the last units at the same moment: never more is sold than is in stock.

Real threads, each with its own database connection and its own basket, placing orders through
the OrderCreator at once. Row locks exist on PostgreSQL; SQLite serialises whole transactions and
has no ``SELECT ... FOR UPDATE``, so the test runs on PostgreSQL (CI runs the suite there too).
"""

import threading

import pytest
from django.db import connection, connections
from oscar.core.loading import get_class, get_model

from marketplace.order.stock import NotEnoughStock
from tests.factories import basket_with, enterprise_of, place, stocked_product

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")
Selector = get_class("partner.strategy", "Selector")

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks (SELECT ... FOR UPDATE) need PostgreSQL; CI runs this on PostgreSQL",
    ),
]

SHOPPERS = 6
LAST_UNITS = 3


def race(baskets):
    """Place every basket at once; returns ("placed" | "refused" | error) per basket."""
    start = threading.Barrier(len(baskets))
    results = [None] * len(baskets)

    def buy(index, basket_id):
        try:
            basket = Basket.objects.get(pk=basket_id)
            start.wait(timeout=30)
            place(basket)
            results[index] = "placed"
        except NotEnoughStock:
            results[index] = "refused"
        except Exception as error:  # reported by the assertion below
            results[index] = repr(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=buy, args=(i, basket.pk)) for i, basket in enumerate(baskets)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def test_the_last_units_are_sold_once(vendor1):
    product = stocked_product(enterprise_of(vendor1), stock=LAST_UNITS)
    baskets = [basket_with((product, 1)) for _ in range(SHOPPERS)]

    results = race(baskets)

    assert sorted(results) == ["placed"] * LAST_UNITS + ["refused"] * (SHOPPERS - LAST_UNITS), results
    record = StockRecord.objects.get(product=product)
    assert record.num_allocated == LAST_UNITS
    assert Order.objects.filter(lines__product=product).count() == LAST_UNITS


def test_shoppers_buying_two_products_in_opposite_orders_do_not_deadlock(vendor1, vendor2):
    one = stocked_product(enterprise_of(vendor1), stock=LAST_UNITS)
    two = stocked_product(enterprise_of(vendor2), stock=LAST_UNITS)
    baskets = []
    for index in range(SHOPPERS):
        basket = Basket.objects.create()
        basket.strategy = Selector().strategy()
        for product in (one, two) if index % 2 else (two, one):
            basket.add_product(product, 1)
        baskets.append(basket)

    results = race(baskets)

    assert results.count("placed") == LAST_UNITS and results.count("refused") == SHOPPERS - LAST_UNITS, (
        results
    )
    assert [StockRecord.objects.get(product=p).num_allocated for p in (one, two)] == [LAST_UNITS, LAST_UNITS]
