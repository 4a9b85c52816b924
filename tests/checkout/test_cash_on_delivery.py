"""A shopper buys from two enterprises and pays cash on delivery: one order, two parcels.

Walked through the real pages, as a guest and signed in: the stock is allocated, the
parcels are confirmed at once, and the shopper and each enterprise get one e-mail,
the enterprise's listing only its own lines.
"""

from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.order.models import Parcel
from tests.checkout.conftest import Checkout
from tests.factories import add_to_basket, enterprise_of

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")
Basket = get_model("basket", "Basket")

pytestmark = pytest.mark.django_db

STANDARD = Decimal("30000")


def buy_from_both(client, products, email=None):
    first, second = products
    add_to_basket(client, first, 2)
    add_to_basket(client, second, 1)
    checkout = Checkout(client, email=email)
    preview = checkout.up_to_preview("cod")
    assert preview.status_code == 200
    return checkout, checkout.place(preview)


def test_a_guest_pays_cash_on_delivery_for_two_enterprises(
    guest_client, two_enterprise_products, vendor1, vendor2
):
    mail.outbox.clear()
    _checkout, response = buy_from_both(guest_client, two_enterprise_products, email="khach@example.vn")

    assert response.status_code == 302 and response["Location"] == reverse("checkout:thank-you")
    order = Order.objects.get(guest_email="khach@example.vn")
    assert order.basket_total_incl_tax == Decimal("2") * 120000 + 85000
    assert order.shipping_incl_tax == 2 * STANDARD
    assert order.total_incl_tax == 240000 + 85000 + 2 * STANDARD

    parcels = list(order.parcels.order_by("number"))
    assert [parcel.number for parcel in parcels] == [f"{order.number}-1", f"{order.number}-2"]
    assert [parcel.enterprise for parcel in parcels] == [enterprise_of(vendor1), enterprise_of(vendor2)]
    assert [parcel.lines_total for parcel in parcels] == [Decimal("240000"), Decimal("85000")]
    assert [parcel.shipping_charge for parcel in parcels] == [STANDARD, STANDARD]
    assert {parcel.status for parcel in parcels} == {Parcel.Status.CONFIRMED}
    assert [change.to_status for change in parcels[0].status_changes.all()] == [
        "awaiting_payment",
        "confirmed",
    ]

    first, second = two_enterprise_products
    assert StockRecord.objects.get(product=first).num_allocated == 2
    assert StockRecord.objects.get(product=second).num_allocated == 1
    assert Basket.objects.get(pk=order.basket_id).status == Basket.SUBMITTED

    address = order.shipping_address
    assert (address.province.code, address.commune.name) == ("44", "Phường Đồng Hới")
    assert str(address.phone_number) == "+84912345678"

    thank_you = guest_client.get(response["Location"])
    assert thank_you.status_code == 200
    assert (
        f"{order.number}-1" in thank_you.content.decode()
        and f"{order.number}-2" in thank_you.content.decode()
    )


def test_the_shopper_and_each_enterprise_get_one_email(
    guest_client, two_enterprise_products, vendor1, vendor2, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        buy_from_both(guest_client, two_enterprise_products, email="khach@example.vn")
    order = Order.objects.get(guest_email="khach@example.vn")
    first, second = two_enterprise_products

    to_shopper = [message for message in mail.outbox if message.to == ["khach@example.vn"]]
    assert len(to_shopper) == 1
    assert order.number in to_shopper[0].subject
    assert first.get_title() in to_shopper[0].body and second.get_title() in to_shopper[0].body

    for vendor, own, other in ((vendor1, first, second), (vendor2, second, first)):
        received = [message for message in mail.outbox if vendor.email in message.to]
        assert len(received) == 1, vendor.email
        assert own.get_title() in received[0].body
        assert other.get_title() not in received[0].body
    assert len(mail.outbox) == 3


def test_a_signed_in_shopper_checks_out_and_the_address_is_kept(
    shopper_client, shopper, two_enterprise_products, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _checkout, response = buy_from_both(shopper_client, two_enterprise_products)

    assert response.status_code == 302 and response["Location"] == reverse("checkout:thank-you")
    order = Order.objects.filter(user=shopper).latest("pk")
    assert order.parcels.count() == 2
    assert [message.to for message in mail.outbox if shopper.email in message.to] == [[shopper.email]]
    saved = shopper.addresses.get(line1="12 Lê Lợi")
    assert saved.commune.name == "Phường Đồng Hới"

    # Next time the address book offers it, and choosing it works.
    add_to_basket(shopper_client, two_enterprise_products[0], 1)
    page = shopper_client.get(reverse("checkout:shipping-address"))
    assert saved in page.context["addresses"]
    chosen = shopper_client.post(
        reverse("checkout:shipping-address"), {"action": "ship_to", "address_id": saved.pk}
    )
    assert chosen.status_code == 302 and chosen["Location"] == reverse("checkout:shipping-method")
