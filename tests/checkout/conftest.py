"""Shared steps for checkout tests: a shopper walking through checkout (products, baskets: factories)."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from places.models import Commune
from tests.factories import add_to_basket, enterprise_of, stocked_product

HOME_COMMUNE = "Phường Đồng Hới"


def address_data(**changes):
    commune = Commune.objects.select_related("province").get(name=HOME_COMMUNE)
    data = {
        "first_name": "Trần Thị Mai",
        "phone_number": "0912 345 678",
        "line1": "12 Lê Lợi",
        "province": commune.province_id,
        "commune": commune.pk,
        "notes": "Gọi trước khi giao",
    }
    data.update(changes)
    return data


class Checkout:
    """A shopper's browser going through the checkout pages, step by step."""

    def __init__(self, client, email=None):
        self.client = client
        self.email = email

    def start(self):
        if self.email:  # a guest gives an e-mail address first
            response = self.client.post(
                reverse("checkout:index"), {"username": self.email, "options": "anonymous"}
            )
            assert response.status_code == 302, response.content[:500]
        return self

    def address(self, **changes):
        return self.client.post(reverse("checkout:shipping-address"), address_data(**changes))

    def delivery(self, choices=None):
        if choices is None:
            return self.client.get(reverse("checkout:shipping-method"))
        return self.client.post(reverse("checkout:shipping-method"), choices)

    def pay_by(self, method):
        return self.client.post(reverse("checkout:payment-method"), {"method": method})

    def preview(self):
        return self.client.get(reverse("checkout:preview"))

    def place(self, preview=None, **extra):
        preview = preview or self.preview()
        assert preview.status_code == 200, preview
        data = {"action": "place_order", **hidden_fields(preview), **extra}
        return self.client.post(reverse("checkout:preview"), data)

    def up_to_preview(self, method="cod", **address):
        self.start()
        assert self.address(**address).status_code == 302
        assert self.delivery().status_code == 302
        assert self.pay_by(method).status_code == 302
        return self.preview()


def hidden_fields(response):
    html = response.content.decode()
    return dict(re.findall(r'<input type="hidden" name="(fingerprint|basket_id)" value="([^"]*)"', html))


@pytest.fixture
def guest_client():
    return Client()


@pytest.fixture
def shopper_client(shopper, demo_password):
    client = Client()
    assert client.login(username=shopper.username, password=demo_password)
    return client


@pytest.fixture
def two_enterprise_products(vendor1, vendor2):
    """A product from each demo enterprise, 10 units free each, at known prices."""
    return (
        stocked_product(enterprise_of(vendor1), stock=10, price=120000, weight_grams=500),
        stocked_product(enterprise_of(vendor2), stock=10, price=85000, weight_grams=300),
    )


@pytest.fixture
def card_order(guest_client, two_enterprise_products):
    """A guest's order of both products placed by card, left on its card page."""
    first, second = two_enterprise_products
    add_to_basket(guest_client, first, 2)
    add_to_basket(guest_client, second, 1)
    checkout = Checkout(guest_client, email="khach@example.vn")
    response = checkout.place(checkout.up_to_preview("card"))
    assert response.status_code == 302
    order = get_model("order", "Order").objects.get(guest_email="khach@example.vn")
    assert response["Location"] == reverse("payment:card", kwargs={"number": order.number})
    return order


def allocated(products):
    """Each product's units held by placed orders."""
    StockRecord = get_model("partner", "StockRecord")
    return [StockRecord.objects.get(product=product).num_allocated for product in products]
