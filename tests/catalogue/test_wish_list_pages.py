"""A shopper's own wish list shows every product on it, with its picture, however long it is,
for the same few queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")
WishList = get_model("wishlists", "WishList")

pytestmark = pytest.mark.django_db


def queries_of_page(client, wishlist):
    url = reverse("customer:wishlists-detail", kwargs={"key": wishlist.key})
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_a_longer_wish_list_costs_no_more_queries(client, shopper):
    products = list(Product.objects.browsable().filter(images__isnull=False).distinct().order_by("pk")[:6])
    wishlist = WishList.objects.create(owner=shopper, name="Quà Tết")
    wishlist.add(products[0])
    client.force_login(shopper)
    short, _ = queries_of_page(client, wishlist)

    for product in products[1:]:
        wishlist.add(product)
    long, page = queries_of_page(client, wishlist)

    assert long == short
    for product in products:
        assert product.get_absolute_url() in page
