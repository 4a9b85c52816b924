"""Opening a page never writes to the database.

With SQLite, a write on GET under two workers fails with "database is
locked"; Oscar's view counters and basket creation used to do just that.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")

pytestmark = pytest.mark.django_db

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def shopper_urls():
    product = Product.objects.browsable().order_by("pk").first()
    return [
        "/",
        "/cau-chuyen/",
        reverse("catalogue:index"),
        reverse("catalogue:index") + "?page=2&sort_by=price-asc",
        Category.objects.filter(depth=2).first().get_absolute_url(),
        product.get_absolute_url(),
        reverse("search:search") + "?q=mật+ong",
        reverse("basket:summary"),
    ]


def writes_while_getting(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return [q["sql"] for q in queries.captured_queries if q["sql"].lstrip().upper().startswith(WRITES)]


def test_anonymous_pages_write_nothing(client):
    for url in [*shopper_urls(), reverse("customer:login")]:
        assert writes_while_getting(client, url) == [], url


def test_signed_in_shopper_pages_write_nothing(client, shopper):
    client.force_login(shopper)
    for url in shopper_urls():
        assert writes_while_getting(client, url) == [], url


def test_a_basket_is_saved_when_the_shopper_adds_a_product(client, shopper):
    Basket = get_model("basket", "Basket")
    client.force_login(shopper)
    product = Product.objects.browsable().filter(stockrecords__num_in_stock__gt=0).first()
    client.get(reverse("basket:summary"))
    assert not Basket.open.filter(owner=shopper).exists()
    client.post(reverse("basket:add", args=[product.pk]), {"quantity": 1})
    assert Basket.open.get(owner=shopper).num_items == 1
