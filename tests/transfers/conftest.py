"""A guest's order paid by bank transfer, placed through checkout and left on its transfer page."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from tests.checkout.conftest import Checkout, guest_client, two_enterprise_products  # noqa: F401
from tests.factories import add_to_basket

from .bank_helpers import another_awaiting, awaiting, bank_settings  # noqa: F401  (bank notification tests)


@pytest.fixture
def transfer_order(guest_client, two_enterprise_products):  # noqa: F811
    first, second = two_enterprise_products
    add_to_basket(guest_client, first, 2)
    add_to_basket(guest_client, second, 1)
    checkout = Checkout(guest_client, email="khach@example.vn")
    response = checkout.place(checkout.up_to_preview("transfer"))
    assert response.status_code == 302, response
    order = get_model("order", "Order").objects.get(guest_email="khach@example.vn")
    assert response["Location"] == reverse("transfers:pay", kwargs={"number": order.number})
    return order
