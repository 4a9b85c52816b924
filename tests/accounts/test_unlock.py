"""The operator sees locked sign-ins in Django admin and unlocks an account or an address."""

import pytest
from axes.models import AccessAttempt
from django.test import Client

from marketplace.demo.builders import DEMO_PASSWORD

from .conftest import ATTACKER, LOGINS, fail, in_vietnamese, is_signed_in, sign_in

pytestmark = pytest.mark.django_db

ATTEMPTS = "/admin/axes/accessattempt/"
UNLOCK = "/admin/axes/accessattempt/unlock/"
SHOP = LOGINS["shop"]
ADDRESS_LIMIT = 20


@pytest.fixture
def operator(admin_user):
    client = Client()
    client.force_login(admin_user)
    return client


def test_the_operator_finds_the_locked_account_in_django_admin(operator):
    fail(SHOP, 5)

    response = operator.get(ATTEMPTS)

    html = response.content.decode()
    assert response.status_code == 200
    assert "shopper@demo.vn" in html
    assert ATTACKER in html
    assert f'href="{UNLOCK}"' in html
    assert in_vietnamese("Unlock an account or IP address") in html


def test_the_unlock_page_asks_for_an_account_or_an_address(operator):
    response = operator.get(UNLOCK)

    assert response.status_code == 200
    assert 'name="account"' in response.content.decode()
    assert 'name="address"' in response.content.decode()


def test_unlocking_an_account_lets_it_sign_in_again_at_once(operator):
    fail(SHOP, 6)

    response = operator.post(UNLOCK, {"account": " Shopper@Demo.vn "}, follow=True)

    assert response.redirect_chain == [(ATTEMPTS, 302)]
    assert (
        in_vietnamese("Unlocked: they can sign in again now (%(count)s failed sign-in records removed).")
        % {"count": 1}
        in response.content.decode()
    )
    assert not AccessAttempt.objects.exists()
    client = Client()
    assert sign_in(client, SHOP, "shopper@demo.vn", DEMO_PASSWORD, ATTACKER).status_code == 302
    assert is_signed_in(client)


def test_an_account_is_found_by_its_email_or_its_username(operator, django_user_model):
    django_user_model.objects.create_user(
        "nguyenvana", "van.a@example.vn", "Mật-khẩu-dài-2026", is_staff=True
    )
    fail(LOGINS["django admin"], 5, username="NguyenVanA")

    operator.post(UNLOCK, {"account": "van.a@example.vn"})

    client = Client()
    response = sign_in(client, LOGINS["django admin"], "nguyenvana", "Mật-khẩu-dài-2026", ATTACKER)
    assert response.status_code == 302
    assert is_signed_in(client)


def test_unlocking_an_address_lets_every_account_sign_in_from_it_again(operator):
    for number in range(ADDRESS_LIMIT):
        fail(SHOP, 1, username=f"guess{number}@example.vn")
    assert sign_in(Client(), SHOP, "shopper@demo.vn", DEMO_PASSWORD, ATTACKER).status_code == 429

    operator.post(UNLOCK, {"address": ATTACKER})

    assert sign_in(Client(), SHOP, "shopper@demo.vn", DEMO_PASSWORD, ATTACKER).status_code == 302


def test_unlocking_an_account_also_lets_it_ask_for_a_password_reset_again(operator, shopper):
    for _ in range(5 + 1):
        Client().post("/password-reset/", {"email": shopper.email}, REMOTE_ADDR=ATTACKER)

    operator.post(UNLOCK, {"account": shopper.email, "address": ATTACKER})

    assert (
        Client().post("/password-reset/", {"email": shopper.email}, REMOTE_ADDR=ATTACKER).status_code == 302
    )


def test_the_attempts_list_unlocks_the_selected_accounts(operator):
    fail(SHOP, 5)
    fail(SHOP, 5, username="vendor2@demo.vn")
    shopper_attempt = AccessAttempt.objects.get(username="shopper@demo.vn")

    response = operator.post(
        ATTEMPTS, {"action": "unlock_accounts", "_selected_action": [shopper_attempt.pk]}
    )

    assert response.status_code == 302
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["vendor2@demo.vn"]
    assert sign_in(Client(), SHOP, "shopper@demo.vn", DEMO_PASSWORD, ATTACKER).status_code == 302


@pytest.mark.parametrize(
    "data", [{}, {"account": "", "address": ""}, {"address": "not-an-address"}, {"account": "x" * 300}]
)
def test_unclear_requests_get_the_form_again_and_unlock_nothing(operator, data):
    fail(SHOP, 5)

    response = operator.post(UNLOCK, data)

    assert response.status_code == 200
    assert AccessAttempt.objects.count() == 1


@pytest.mark.parametrize("who", ["shopper", "reviewer", "editor"])
def test_only_operators_unlock(request, who):
    fail(SHOP, 5)
    client = Client()
    client.force_login(request.getfixturevalue(who))

    client.post(UNLOCK, {"account": "shopper@demo.vn"})

    assert AccessAttempt.objects.count() == 1
