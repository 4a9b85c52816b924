"""Shared steps for checkout tests: products with known stock, and a shopper walking through checkout."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.places.models import Commune

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")

HOME_COMMUNE = "Phường Đồng Hới"


def enterprise_of(user):
    return user.partners.get()


def stocked_product(enterprise, stock=10, price=None, weight_grams=None, skip=0):
    """One of the enterprise's shipped products, with exactly ``stock`` units free (and a price, a weight)."""
    record = (
        StockRecord.objects.filter(partner=enterprise, product__product_class__requires_shipping=True)
        .filter(product__product_class__track_stock=True)
        .select_related("product")
        .order_by("pk")[skip]
    )
    record.num_in_stock, record.num_allocated = stock, 0
    if price is not None:
        record.price = price
    record.save()
    if weight_grams is not None:
        Product.objects.filter(pk=record.product_id).update(weight_grams=weight_grams)
    return record.product


def add_to_basket(client, product, quantity=1, **extra):
    return client.post(
        reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": quantity, **extra}, follow=False
    )


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
