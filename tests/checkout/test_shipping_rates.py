"""Delivery rates an enterprise sets: flat, by weight, free from an amount, and the standard default."""

from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.shipping.models import ShippingRate
from marketplace.shipping.rates import shipping_charge, standard_rate
from tests.checkout.conftest import Checkout
from tests.factories import add_to_basket, enterprise_of

Order = get_model("order", "Order")

pytestmark = pytest.mark.django_db

Kind = ShippingRate.Kind


def rate(**fields):
    return ShippingRate(name="r", **{"kind": Kind.FLAT, "charge": Decimal("25000"), **fields})


def test_a_flat_rate_charges_the_same_per_parcel():
    assert shipping_charge(rate(), Decimal("100000"), 300) == Decimal("25000")
    assert shipping_charge(rate(), Decimal("100000"), 9000) == Decimal("25000")


def test_a_weight_rate_charges_the_first_kilogram_then_each_started_one():
    by_weight = rate(kind=Kind.WEIGHT, charge=Decimal("20000"), charge_per_extra_kg=Decimal("5000"))
    assert shipping_charge(by_weight, Decimal("1"), 0) == Decimal("20000")
    assert shipping_charge(by_weight, Decimal("1"), 1000) == Decimal("20000")
    assert shipping_charge(by_weight, Decimal("1"), 1001) == Decimal("25000")
    assert shipping_charge(by_weight, Decimal("1"), 3500) == Decimal("35000")


def test_a_parcel_ships_free_from_the_amount_set():
    free_from = rate(free_above=Decimal("500000"))
    assert shipping_charge(free_from, Decimal("499000"), 500) == Decimal("25000")
    assert shipping_charge(free_from, Decimal("500000"), 500) == Decimal("0")


def test_an_enterprise_without_rates_offers_standard_delivery(vendor1):
    assert not enterprise_of(vendor1).shipping_rates.exists()
    assert standard_rate().charge == Decimal("30000")


def test_the_shopper_picks_a_rate_per_enterprise_and_pays_their_sum(
    guest_client, two_enterprise_products, vendor1, vendor2
):
    first, second = two_enterprise_products  # 120 000 ₫ and 500 g; 85 000 ₫ and 300 g
    one, two = enterprise_of(vendor1), enterprise_of(vendor2)
    ShippingRate.objects.create(enterprise=one, name="Tiết kiệm", charge=Decimal("15000"))
    express = ShippingRate.objects.create(
        enterprise=one,
        name="Nhanh",
        kind=Kind.WEIGHT,
        charge=Decimal("40000"),
        charge_per_extra_kg=Decimal("10000"),
    )
    ShippingRate.objects.create(
        enterprise=two, name="Miễn phí từ 150k", charge=Decimal("22000"), free_above=150000
    )
    add_to_basket(guest_client, first, 3)  # 1.5 kg: express is 40 000 + 10 000
    add_to_basket(guest_client, second, 2)  # 170 000 ₫: free

    checkout = Checkout(guest_client, email="khach@example.vn").start()
    checkout.address()
    page = checkout.delivery()
    assert page.status_code == 200  # enterprise one offers two rates: the shopper chooses
    assert (
        checkout.delivery({f"parcel-{one.pk}": express.code, f"parcel-{two.pk}": "bogus"}).status_code == 200
    )
    response = checkout.delivery(
        {f"parcel-{one.pk}": express.code, f"parcel-{two.pk}": two.shipping_rates.get().code}
    )
    assert response.status_code == 302
    checkout.pay_by("cod")
    preview = checkout.preview()
    assert preview.context["shipping_charge"].incl_tax == Decimal("50000")
    checkout.place(preview)

    order = Order.objects.get(guest_email="khach@example.vn")
    assert order.shipping_incl_tax == Decimal("50000")
    parcels = {parcel.enterprise_id: parcel for parcel in order.parcels.all()}
    assert (parcels[one.pk].shipping_method_name, parcels[one.pk].shipping_charge) == (
        "Nhanh",
        Decimal("50000"),
    )
    assert parcels[two.pk].shipping_charge == Decimal("0")


def test_a_rate_removed_during_checkout_sends_the_shopper_back_to_choose(
    guest_client, two_enterprise_products, vendor1
):
    one = enterprise_of(vendor1)
    cheap = ShippingRate.objects.create(enterprise=one, name="Tiết kiệm", charge=Decimal("15000"))
    ShippingRate.objects.create(enterprise=one, name="Nhanh", charge=Decimal("40000"))
    add_to_basket(guest_client, two_enterprise_products[0], 1)
    checkout = Checkout(guest_client, email="khach@example.vn").start()
    checkout.address()
    checkout.delivery({f"parcel-{one.pk}": cheap.code})
    checkout.pay_by("cod")
    cheap.delete()

    response = checkout.preview()
    assert response.status_code == 302 and response["Location"] == reverse("checkout:shipping-method")


# The enterprise's page in the dashboard


@pytest.fixture
def vendor1_client(client, vendor1, demo_password):
    assert client.login(username=vendor1.username, password=demo_password)
    return client


@pytest.fixture
def vendor2_client(vendor2, demo_password):
    from django.test import Client

    client = Client()
    assert client.login(username=vendor2.username, password=demo_password)
    return client


def rate_data(**changes):
    return {"name": "Giao nhanh", "kind": "weight", "charge": "25000", "charge_per_extra_kg": "8000",
            "free_above": "", "is_active": "on", **changes}  # fmt: skip


def test_an_enterprise_adds_and_edits_its_rates(vendor1_client, vendor1):
    listing = vendor1_client.get(reverse("dashboard:shipping-rate-list"))
    assert listing.status_code == 200 and "30.000" in listing.content.decode()  # the standard default

    assert vendor1_client.post(reverse("dashboard:shipping-rate-create"), rate_data()).status_code == 302
    created = enterprise_of(vendor1).shipping_rates.get()
    assert (created.kind, created.charge, created.charge_per_extra_kg) == ("weight", 25000, 8000)

    url = reverse("dashboard:shipping-rate-update", kwargs={"pk": created.pk})
    assert vendor1_client.post(url, rate_data(free_above="300000")).status_code == 302
    created.refresh_from_db()
    assert created.free_above == 300000


def test_bad_rates_are_refused_with_a_message(vendor1_client, vendor1):
    for data in (
        rate_data(charge="-1"),
        rate_data(kind="flat"),
        rate_data(charge="abc"),
        rate_data(kind="air"),
    ):
        response = vendor1_client.post(reverse("dashboard:shipping-rate-create"), data)
        assert response.status_code == 200 and response.context["form"].errors
    assert not enterprise_of(vendor1).shipping_rates.exists()


def test_an_enterprise_cannot_see_or_touch_another_enterprises_rates(vendor1, vendor2_client, vendor2):
    theirs = ShippingRate.objects.create(enterprise=enterprise_of(vendor1), name="Riêng", charge=Decimal("1"))
    for name in ("dashboard:shipping-rate-update", "dashboard:shipping-rate-delete"):
        url = reverse(name, kwargs={"pk": theirs.pk})
        assert vendor2_client.get(url).status_code == 404
        assert vendor2_client.post(url, rate_data()).status_code == 404
    assert "Riêng" not in vendor2_client.get(reverse("dashboard:shipping-rate-list")).content.decode()
    theirs.refresh_from_db()
    assert (theirs.name, theirs.charge) == ("Riêng", 1)


def test_shoppers_and_reviewers_cannot_open_the_rates_page(shopper_client, reviewer, demo_password):
    from django.test import Client

    assert shopper_client.get(reverse("dashboard:shipping-rate-list")).status_code in (302, 403)
    reviewer_client = Client()
    reviewer_client.login(username=reviewer.username, password=demo_password)
    assert reviewer_client.get(reverse("dashboard:shipping-rate-list")).status_code in (302, 403)
