"""Signing in elsewhere: the checkout's returning-customer form is throttled like the logins;
a new customer is still signed in by registering, and tests still sign in with the test client."""

import pytest
from django.test import Client
from django.urls import reverse

from marketplace.demo.builders import DEMO_PASSWORD
from tests.factories import add_to_basket, enterprise_of, stocked_product

from .conftest import ATTACKER, is_signed_in

pytestmark = pytest.mark.django_db


def checkout_sign_in(client, password):
    data = {"username": "shopper@demo.vn", "password": password, "options": "existing"}
    return client.post(reverse("checkout:index"), data, REMOTE_ADDR=ATTACKER)


def test_the_checkouts_sign_in_locks_after_five_wrong_passwords(vendor1):
    client = Client()
    add_to_basket(client, stocked_product(enterprise_of(vendor1)))
    answers = [checkout_sign_in(client, "not-the-password").status_code for _ in range(5)]

    response = checkout_sign_in(client, DEMO_PASSWORD)

    assert answers == [200, 200, 200, 200, 429]

    assert response.status_code == 429
    assert not is_signed_in(client)


def test_the_checkouts_sign_in_still_lets_the_customer_in(vendor1):
    client = Client()
    add_to_basket(client, stocked_product(enterprise_of(vendor1)))

    response = checkout_sign_in(client, DEMO_PASSWORD)

    assert response.status_code == 302
    assert is_signed_in(client)


def test_a_new_customer_is_signed_in_on_registering():
    client = Client()
    data = {
        "registration-email": "khach.moi@example.vn",
        "registration-password1": "Mật-khẩu-dài-2026",
        "registration-password2": "Mật-khẩu-dài-2026",
        "registration_submit": "1",
    }

    response = client.post(reverse("customer:login"), data, REMOTE_ADDR=ATTACKER)

    assert response.status_code == 302
    assert is_signed_in(client)


def test_the_test_clients_login_still_works(shopper):
    client = Client()
    assert client.login(username=shopper.email, password=DEMO_PASSWORD)
    assert not client.login(username=shopper.email, password="not-the-password")
