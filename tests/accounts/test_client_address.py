"""Which address a sign-in is counted against: the connection's, or behind the site's proxy
(nginx, which overwrites X-Forwarded-For) the one the proxy saw — never what a client claims."""

import pytest
from django.test import Client, RequestFactory, override_settings

from marketplace.accounts.client import client_ip
from marketplace.demo.builders import DEMO_PASSWORD

from .conftest import LOGINS, fail, is_signed_in, sign_in

PROXY = "10.0.0.2"


def request_from(remote_addr, forwarded_for=None):
    headers = {"REMOTE_ADDR": remote_addr}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return RequestFactory().post("/accounts/login/", **headers)


def test_without_a_proxy_the_header_is_ignored():
    assert client_ip(request_from("198.51.100.7", "1.2.3.4")) == "198.51.100.7"


@override_settings(TRUSTED_PROXY_COUNT=1)
@pytest.mark.parametrize(
    "forwarded_for, address",
    [
        ("198.51.100.7", "198.51.100.7"),  # what nginx sends
        ("6.6.6.6, 198.51.100.7", "198.51.100.7"),  # a claim in front of the proxy's entry
        (" 2001:db8::1 ", "2001:db8::1"),
        ("", PROXY),  # straight to the application (its health check)
        ("unknown", PROXY),
        ("198.51.100.7:4431", PROXY),
        ("<script>", PROXY),
    ],
)
def test_behind_one_proxy_the_address_it_saw_counts(forwarded_for, address):
    assert client_ip(request_from(PROXY, forwarded_for)) == address


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_behind_two_proxies_the_outer_ones_entry_counts():
    assert client_ip(request_from(PROXY, "6.6.6.6, 198.51.100.7, 10.0.0.9")) == "198.51.100.7"
    assert client_ip(request_from(PROXY, "198.51.100.7")) == "198.51.100.7"


@pytest.mark.django_db
def test_a_claimed_address_does_not_escape_the_lock():
    shop = LOGINS["shop"]
    fail(shop, 5, address="203.0.113.66")

    response = sign_in(
        Client(), shop, shop.account, DEMO_PASSWORD, "203.0.113.66", HTTP_X_FORWARDED_FOR="192.0.2.1"
    )

    assert response.status_code == 429


@pytest.mark.django_db
@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_the_proxy_one_guesser_does_not_lock_out_everyone_behind_it():
    shop = LOGINS["shop"]
    guesser = Client()
    for _ in range(6):
        sign_in(guesser, shop, shop.account, "wrong", PROXY, HTTP_X_FORWARDED_FOR="203.0.113.66")
    owner = Client()

    response = sign_in(owner, shop, shop.account, DEMO_PASSWORD, PROXY, HTTP_X_FORWARDED_FOR="198.51.100.7")

    assert response.status_code == 302
    assert is_signed_in(owner)
