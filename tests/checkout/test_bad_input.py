"""What a shopper's browser posts is never trusted: prices come from the catalogue, quantities are
checked against stock, and an order is placed once, exactly as previewed."""

from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.order.models import Parcel
from tests.checkout.conftest import Checkout
from tests.factories import add_to_basket

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


def test_posted_prices_and_totals_are_ignored(guest_client, two_enterprise_products):
    first, _second = two_enterprise_products
    add_to_basket(guest_client, first, 1, price="1000", price_incl_tax="1000", unit_price="1")
    checkout = Checkout(guest_client, email="khach@example.vn")
    preview = checkout.up_to_preview()
    checkout.place(preview, order_total="1000", total_incl_tax="1", shipping_charge="0", price="1")

    order = Order.objects.get(guest_email="khach@example.vn")
    assert order.total_incl_tax == Decimal("120000") + Decimal("30000")
    assert order.lines.get().unit_price_incl_tax == Decimal("120000")


def test_a_quantity_beyond_the_stock_is_refused(guest_client, two_enterprise_products):
    first, _second = two_enterprise_products  # 10 in stock
    add_to_basket(guest_client, first, 11)
    assert Basket.objects.filter(lines__product=first).count() == 0

    add_to_basket(guest_client, first, 2)
    basket = Basket.objects.get(lines__product=first)
    line = basket.lines.get()
    formset = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "form-0-id": line.pk,
        "form-0-quantity": "50",
    }
    response = guest_client.post(reverse("basket:summary"), formset)
    assert response.status_code == 200 and response.context["formset"].errors
    line.refresh_from_db()
    assert line.quantity == 2

    for bad in ("-3", "abc", "1e9"):
        guest_client.post(reverse("basket:summary"), {**formset, "form-0-quantity": bad})
        line.refresh_from_db()
        assert line.quantity == 2


def test_stock_sold_out_after_the_preview_sends_the_shopper_back_to_the_basket(
    guest_client, two_enterprise_products
):
    first, second = two_enterprise_products
    add_to_basket(guest_client, first, 3)
    add_to_basket(guest_client, second, 1)
    checkout = Checkout(guest_client, email="khach@example.vn")
    preview = checkout.up_to_preview()
    StockRecord.objects.filter(product=first).update(num_allocated=8)  # someone else bought 8 of 10

    response = checkout.place(preview)
    assert response.status_code == 302 and response["Location"] == reverse("basket:summary")
    assert not Order.objects.filter(guest_email="khach@example.vn").exists()
    assert StockRecord.objects.get(product=second).num_allocated == 0
    assert Basket.objects.get(pk=preview.context["basket"].pk).status == Basket.OPEN


def test_a_basket_changed_in_another_tab_is_previewed_again_not_placed(guest_client, two_enterprise_products):
    first, _second = two_enterprise_products
    add_to_basket(guest_client, first, 1)
    checkout = Checkout(guest_client, email="khach@example.vn")
    preview = checkout.up_to_preview()
    add_to_basket(guest_client, first, 2)  # the other tab: now 3

    response = checkout.place(preview)
    assert response.status_code == 200 and response.context["error"]
    assert not Order.objects.filter(guest_email="khach@example.vn").exists()

    placed = checkout.place(response)  # the shopper checks the new preview and places it
    assert placed.status_code == 302
    order = Order.objects.get(guest_email="khach@example.vn")
    assert order.lines.get().quantity == 3
    assert StockRecord.objects.get(product=first).num_allocated == 3


def test_another_enterprise_added_in_another_tab_asks_for_its_delivery(guest_client, two_enterprise_products):
    first, second = two_enterprise_products
    add_to_basket(guest_client, first, 1)
    checkout = Checkout(guest_client, email="khach@example.vn")
    preview = checkout.up_to_preview()
    add_to_basket(guest_client, second, 1)

    response = checkout.place(preview)
    assert response.status_code == 302 and response["Location"] == reverse("checkout:shipping-method")
    assert not Order.objects.filter(guest_email="khach@example.vn").exists()


def test_a_price_changed_after_the_preview_is_previewed_again(guest_client, two_enterprise_products):
    first, _second = two_enterprise_products
    add_to_basket(guest_client, first, 1)
    checkout = Checkout(guest_client, email="khach@example.vn")
    preview = checkout.up_to_preview()
    StockRecord.objects.filter(product=first).update(price=Decimal("150000"))

    response = checkout.place(preview)
    assert response.status_code == 200 and response.context["error"]
    assert not Order.objects.filter(guest_email="khach@example.vn").exists()


def test_a_forged_or_missing_fingerprint_places_nothing(guest_client, two_enterprise_products):
    add_to_basket(guest_client, two_enterprise_products[0], 1)
    checkout = Checkout(guest_client, email="khach@example.vn")
    checkout.up_to_preview()
    for data in ({"fingerprint": "x"}, {}):
        response = guest_client.post(reverse("checkout:preview"), {"action": "place_order", **data})
        assert response.status_code == 200 and response.context["error"]
    assert not Order.objects.exists() or not Order.objects.filter(guest_email="khach@example.vn").exists()


def test_a_double_submit_places_one_order(guest_client, two_enterprise_products):
    first, second = two_enterprise_products
    add_to_basket(guest_client, first, 2)
    add_to_basket(guest_client, second, 1)
    checkout = Checkout(guest_client, email="khach@example.vn")
    preview = checkout.up_to_preview()

    first_click = checkout.place(preview)
    second_click = checkout.place(preview)

    assert first_click.status_code == second_click.status_code == 302
    assert second_click["Location"] == reverse("checkout:thank-you")
    order = Order.objects.get(guest_email="khach@example.vn")
    assert Parcel.objects.filter(order__guest_email="khach@example.vn").count() == 2
    assert StockRecord.objects.get(product=first).num_allocated == 2
    page = guest_client.get(second_click["Location"])
    assert page.context["order"] == order


def test_placing_a_basket_already_placed_shows_the_existing_order(guest_client, two_enterprise_products):
    """The second click arrives while the first holds the basket: it finds the basket placed."""
    add_to_basket(guest_client, two_enterprise_products[0], 1)
    checkout = Checkout(guest_client, email="khach@example.vn")
    preview = checkout.up_to_preview()
    checkout.place(preview)
    order = Order.objects.get(guest_email="khach@example.vn")
    session = guest_client.session
    del session["checkout_order_id"]  # as if this request had started before the first one finished
    session.save()

    response = checkout.place(preview)
    assert response.status_code in (200, 302)
    assert Order.objects.filter(guest_email="khach@example.vn").count() == 1
    assert order.parcels.count() == 1
