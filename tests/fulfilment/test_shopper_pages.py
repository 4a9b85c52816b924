"""The shopper follows each parcel of an order: who sends it, what is in it, where it is, its history."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.order import parcels
from tests.factories import parcel_of, shared_order

Parcel = get_model("order", "Parcel")
Status = Parcel.Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def order(shopper, vendor1, vendor2):
    order = shared_order(shopper, vendor1, vendor2)
    shipped = parcel_of(order, vendor1)
    parcels.move(shipped, Status.PACKED, by=vendor1)
    parcels.move(shipped, Status.SHIPPED, by=vendor1, carrier="VNPost", tracking_number="EB987654321VN")
    parcels.move(parcel_of(order, vendor2), Status.CANCELLED, by=vendor2, note="Hết hàng, đã hoàn tiền")
    return order


def parcel_card(html, parcel):
    start = html.index(f'id="parcel_{parcel.number}"')
    end = html.find('class="card mb-3 parcel"', start + 1)
    return html[start : end if end != -1 else None]


def assert_shows_each_parcel(html, order, vendor1, vendor2):
    shipped, cancelled = parcel_of(order, vendor1), parcel_of(order, vendor2)
    card = parcel_card(html, shipped)
    assert shipped.enterprise.name in card
    assert shipped.lines.get().title in card
    assert cancelled.lines.get().title not in card
    assert "EB987654321VN" in card and "VNPost" in card
    assert 'data-parcel-status="shipped"' in card
    other = parcel_card(html, cancelled)
    assert cancelled.enterprise.name in other
    assert 'data-parcel-status="cancelled"' in other
    assert "Hết hàng, đã hoàn tiền" in other  # the reason, in its history


def test_the_order_page_shows_each_parcel_with_its_tracking_and_history(
    client, shopper, vendor1, vendor2, order
):
    client.force_login(shopper)
    response = client.get(reverse("customer:order", kwargs={"order_number": order.number}))
    assert response.status_code == 200
    html = response.content.decode()
    assert_shows_each_parcel(html, order, vendor1, vendor2)
    card = parcel_card(html, parcel_of(order, vendor1))
    history = card[card.index("parcel-history") :]
    assert history.index(str(Status.PACKED.label)) < history.index(str(Status.SHIPPED.label))
    assert 'id="order_totals"' in html and "₫" in html


def test_a_guest_follows_the_parcels_on_the_order_status_page(client, vendor1, vendor2):
    order = shared_order(None, vendor1, vendor2, guest_email="khach@example.vn")
    parcels.move(parcel_of(order, vendor1), Status.PACKED, by=vendor1)
    kwargs = {"order_number": order.number, "hash": order.verification_hash()}
    url = reverse("customer:anon-order", kwargs=kwargs)
    assert client.get(url).status_code == 302  # Oscar asks for the order's e-mail first
    client.post(reverse("customer:anon-order-form", kwargs=kwargs), {"email": "khach@example.vn"})
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for parcel in order.parcels.all():
        card = parcel_card(html, parcel)
        assert parcel.enterprise.name in card and parcel.lines.get().title in card
    assert 'data-parcel-status="packed"' in parcel_card(html, parcel_of(order, vendor1))


def test_the_order_history_lists_each_orders_parcels_and_their_status(
    client, shopper, vendor1, vendor2, order
):
    client.force_login(shopper)
    html = client.get(reverse("customer:order-list")).content.decode()
    row = html[html.index(f"#{order.number}") :]
    row = row[: row.index("order-summary")] if "order-summary" in row else row
    for parcel in order.parcels.all():
        assert parcel.enterprise.name in row
    assert 'data-parcel-status="shipped"' in row and 'data-parcel-status="cancelled"' in row


def test_the_order_history_fetches_parcels_once_for_the_page(client, shopper, vendor1, vendor2, order):
    client.force_login(shopper)
    url = reverse("customer:order-list")
    client.get(url)  # the first page also fills what pages keep across requests (the menu, the footer)
    with CaptureQueriesContext(connection) as one_order:
        client.get(url)
    shared_order(shopper, vendor1, vendor2)
    shared_order(shopper, vendor1, vendor2)
    with CaptureQueriesContext(connection) as three_orders:
        client.get(url)
    assert len(three_orders) == len(one_order)


def test_another_shopper_cannot_see_the_order(client, vendor1, order):
    client.force_login(vendor1)
    assert client.get(reverse("customer:order", kwargs={"order_number": order.number})).status_code == 404
