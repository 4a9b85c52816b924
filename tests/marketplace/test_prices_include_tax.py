"""Prices in this shop include tax (vendors.strategy: NoTax): nowhere a shopper looks shows a tax row,
an "excl. tax" price or a UPC, only the price to pay."""

import pytest
from django.urls import reverse

from tests.factories import add_to_basket, place_order, stock_of_two_enterprises
from tests.visible_text import visible_texts

pytestmark = pytest.mark.django_db

TAX_WORDS = ("Tax", "tax", "UPC")


def tax_texts(client, address):
    response = client.get(address)
    assert response.status_code == 200, address
    return [text for text in visible_texts(response.content.decode()) if any(w in text for w in TAX_WORDS)]


def test_the_basket_shows_no_tax_row(client, in_english):
    for record in stock_of_two_enterprises():
        add_to_basket(client, record.product)
    assert tax_texts(client, reverse("basket:summary")) == []


def test_the_order_pages_show_no_tax_row(client, in_english, shopper):
    order = place_order(shopper, confirm=True)
    client.force_login(shopper)
    assert tax_texts(client, reverse("customer:order-list")) == []
    assert tax_texts(client, reverse("customer:order", kwargs={"order_number": order.number})) == []


def test_the_product_page_shows_no_tax_row(client, in_english):
    product = stock_of_two_enterprises()[0].product
    product.upc = "UPC-OCOP-1"
    product.save()
    assert tax_texts(client, product.get_absolute_url()) == []
