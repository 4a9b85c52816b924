"""The operator refunds from the order's page in the dashboard; enterprises cannot."""

import pytest
from django.urls import reverse

from marketplace.order import parcels
from marketplace.order.models import Parcel

from .stripe_helpers import card_token

Status = Parcel.Status

# The messages asserted are in English, the second language.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]


@pytest.fixture
def shipped_paid_order(shopper_client, card_order):
    shopper_client.post(
        reverse("payment:card", kwargs={"number": card_order.number}),
        {"token": card_token()},
        content_type="application/json",
    )
    parcel = card_order.parcels.order_by("pk").first()
    parcels.move(parcel, Status.PACKED)
    parcels.move(parcel, Status.SHIPPED, carrier="GHN", tracking_number="GHN123")
    return card_order


def post_refund(client, order, **data):
    url = reverse("dashboard:order-detail", kwargs={"number": order.number})
    return client.post(url, {"order_action": "refund", **data}, follow=True)


def test_the_operator_refunds_one_parcel_with_a_reason(client, admin_user, shipped_paid_order):
    parcel = shipped_paid_order.parcels.order_by("pk").first()
    client.force_login(admin_user)

    page = client.get(reverse("dashboard:order-detail", kwargs={"number": shipped_paid_order.number}))
    assert "refund_form" in page.context

    response = post_refund(client, shipped_paid_order, parcel=parcel.pk, reason="Vỡ hàng")
    assert "The refund was made." in [str(m) for m in response.context["messages"]]
    parcel.refresh_from_db()
    assert parcel.status == Status.REFUNDED
    assert shipped_paid_order.sources.get().amount_refunded == parcel.total


def test_a_refund_without_a_reason_or_a_second_time_is_refused(client, admin_user, shipped_paid_order):
    parcel = shipped_paid_order.parcels.order_by("pk").first()
    client.force_login(admin_user)

    post_refund(client, shipped_paid_order, parcel=parcel.pk, reason="")
    assert shipped_paid_order.sources.get().amount_refunded == 0

    post_refund(client, shipped_paid_order, parcel=parcel.pk, reason="Broken")
    response = post_refund(client, shipped_paid_order, parcel=parcel.pk, reason="Broken")
    assert any("already refunded" in str(m) for m in response.context["messages"])
    assert shipped_paid_order.sources.get().amount_refunded == parcel.total


def test_an_enterprise_cannot_refund(client, vendor1, shipped_paid_order):
    parcel = shipped_paid_order.parcels.order_by("pk").first()
    client.force_login(vendor1)
    post_refund(client, shipped_paid_order, parcel=parcel.pk, reason="Mine")
    assert shipped_paid_order.sources.get().amount_refunded == 0
