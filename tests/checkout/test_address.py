"""The delivery address: a province and a commune of the 2025 units, and a Vietnamese phone."""

import pytest
from django.urls import reverse

from places.models import Commune, Province
from tests.checkout.conftest import Checkout
from tests.factories import add_to_basket

pytestmark = pytest.mark.django_db


@pytest.fixture
def at_address_step(guest_client, two_enterprise_products):
    add_to_basket(guest_client, two_enterprise_products[0], 1)
    return Checkout(guest_client, email="khach@example.vn").start()


def errors(response):
    assert response.status_code == 200, "the address should have been refused"
    return response.context["form"].errors


def test_a_commune_of_another_province_is_refused(at_address_step):
    elsewhere = Commune.objects.exclude(province__code="44").first()
    response = at_address_step.address(commune=elsewhere.pk)
    assert "is not in" in str(errors(response)["commune"]) or errors(response)["commune"]
    assert not at_address_step.client.session["checkout_data"].get("shipping")


def test_a_province_outside_the_list_is_refused(at_address_step):
    response = at_address_step.address(province=Province.objects.order_by("-pk").first().pk + 1000)
    assert errors(response)["province"]
    response = at_address_step.address(province="Quảng Bình")  # a former province, typed in
    assert errors(response)["province"]


@pytest.mark.parametrize("phone", ["+1 212 555 2368", "12345", "0123 456", "not a phone", ""])
def test_a_foreign_or_bad_phone_is_refused(at_address_step, phone):
    assert errors(at_address_step.address(phone_number=phone))["phone_number"]


@pytest.mark.parametrize("phone", ["0912 345 678", "+84 912 345 678", "84912345678", "0232 3822 222"])
def test_vietnamese_phones_are_accepted_in_the_ways_people_write_them(at_address_step, phone):
    assert at_address_step.address(phone_number=phone).status_code == 302


def test_the_communes_follow_the_chosen_province_without_javascript(at_address_step):
    other = Province.objects.exclude(code="44").order_by("name").first()
    data = {"province": other.pk, "first_name": "Mai", "change_province": ""}
    response = at_address_step.client.post(reverse("checkout:shipping-address"), data)

    assert response.status_code == 200
    form = response.context["form"]
    assert not form.errors
    offered = {value for value, _label in form.fields["commune"].widget.choices if value}
    assert offered == set(Commune.objects.filter(province=other).values_list("pk", flat=True))
    assert form["first_name"].value() == "Mai"
