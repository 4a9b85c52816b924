"""Every login (shop, dashboard, Django admin, Wagtail) locks after a few wrong passwords.

An account is locked from the address the wrong passwords came from (5), an address for
every account (20); a lock lasts 15 minutes after the last try, and an operator can lift
it at once.
"""

import pytest
from axes.models import AccessAttempt
from django.test import Client

from marketplace.demo.builders import DEMO_PASSWORD

from .conftest import (
    ATTACKER,
    LOCKED_HEADING,
    LOGINS,
    OWNER,
    WRONG,
    english_client,
    fail,
    in_vietnamese,
    is_signed_in,
    sign_in,
    time_passes,
)

pytestmark = pytest.mark.django_db

LIMIT = 5  # wrong passwords for one account from one address
ADDRESS_LIMIT = 20  # wrong passwords from one address, whatever the account


def test_after_five_wrong_passwords_even_the_right_one_is_refused_with_the_lockout_page(login):
    client = Client()
    answers = [sign_in(client, login, login.account, WRONG, OWNER).status_code for _ in range(LIMIT)]

    response = sign_in(client, login, login.account, DEMO_PASSWORD, OWNER)

    assert answers == [200, 200, 200, 200, 429]  # the form again, then the lock from the fifth on
    assert response.status_code == 429
    assert not is_signed_in(client)
    assert response["Retry-After"] == str(15 * 60)
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Language"] == "vi"  # Vietnamese unless the visitor chose English
    html = response.content.decode()
    assert '<html lang="vi"' in html
    assert in_vietnamese(LOCKED_HEADING) in html


def test_four_wrong_passwords_still_let_the_right_one_in(login):
    fail(login, LIMIT - 1, address=OWNER)
    client = Client()

    response = sign_in(client, login, login.account, DEMO_PASSWORD, OWNER)

    assert response.status_code == 302
    assert is_signed_in(client)


def test_the_lockout_page_reads_in_english_and_says_when_to_try_again(login):
    fail(login, LIMIT)
    client = english_client()

    response = sign_in(client, login, login.account, WRONG, ATTACKER)

    html = response.content.decode()
    assert response.status_code == 429
    assert response["Content-Language"] == "en"
    assert LOCKED_HEADING in html
    assert "Please try again after " in html
    assert "(in about 15 min)" in html


def test_the_owner_still_signs_in_from_elsewhere_while_the_guesser_is_locked_out(login):
    fail(login, LIMIT + 3)  # the guesser keeps trying
    owner = Client()

    response = sign_in(owner, login, login.account, DEMO_PASSWORD, OWNER)

    assert response.status_code == 302
    assert is_signed_in(owner)


def test_an_unrelated_account_signs_in_from_another_address(login):
    fail(login, LIMIT, username="someone-else@demo.vn")
    client = Client()

    response = sign_in(client, login, login.account, DEMO_PASSWORD, "192.0.2.44")

    assert response.status_code == 302
    assert is_signed_in(client)


def test_the_lock_ends_fifteen_minutes_after_the_last_try(login):
    fail(login, LIMIT)
    client = Client()

    time_passes(minutes=14)
    assert sign_in(client, login, login.account, DEMO_PASSWORD, ATTACKER).status_code == 429
    time_passes(minutes=14)  # that refused try started the 15 minutes again
    assert sign_in(client, login, login.account, DEMO_PASSWORD, ATTACKER).status_code == 429
    time_passes(minutes=16)
    response = sign_in(client, login, login.account, DEMO_PASSWORD, ATTACKER)

    assert response.status_code == 302
    assert is_signed_in(client)


def test_the_operator_unlocks_an_account_in_django_admin(login, admin_user):
    fail(login, LIMIT)
    operator = Client()
    operator.force_login(admin_user)

    response = operator.post("/admin/axes/accessattempt/unlock/", {"account": login.account.upper()})

    assert response.status_code == 302
    assert response["Location"] == "/admin/axes/accessattempt/"
    client = Client()
    response = sign_in(client, login, login.account, DEMO_PASSWORD, ATTACKER)
    assert response.status_code == 302
    assert is_signed_in(client)


def test_many_accounts_tried_from_one_address_lock_that_address():
    shop = LOGINS["shop"]
    for number in range(ADDRESS_LIMIT - 1):
        fail(shop, 1, username=f"guess{number}@example.vn")
    client = Client()
    assert sign_in(client, shop, "shopper@demo.vn", DEMO_PASSWORD, ATTACKER).status_code == 302

    fail(shop, 1, username="one-more@example.vn")
    response = sign_in(Client(), shop, "vendor2@demo.vn", DEMO_PASSWORD, ATTACKER)

    assert response.status_code == 429
    assert sign_in(Client(), shop, "vendor2@demo.vn", DEMO_PASSWORD, OWNER).status_code == 302


def test_case_and_spaces_do_not_make_another_account_to_guess():
    shop = LOGINS["shop"]
    for spelling in [
        "shopper@demo.vn",
        "Shopper@Demo.vn",
        " SHOPPER@DEMO.VN",
        "shopper@demo.VN ",
        "sHopper@demo.vn",
    ]:
        fail(shop, 1, username=spelling)

    response = sign_in(Client(), shop, "shopper@demo.vn", DEMO_PASSWORD, ATTACKER)

    assert response.status_code == 429


@pytest.mark.parametrize(
    "username",
    ["x" * 1000 + "@demo.vn", "shopper\x00@demo.vn", "' OR 1=1 --", "", "ngườimua@demo.vn"],
)
def test_odd_usernames_get_the_form_again_never_an_error(login, username):
    client = Client()

    response = sign_in(client, login, username, WRONG, ATTACKER)

    assert response.status_code == 200
    assert not is_signed_in(client)


def test_what_was_typed_as_the_password_is_not_kept(login):
    sign_in(Client(), login, login.account, "Mật-khẩu-gần-đúng-2026", ATTACKER)

    attempt = AccessAttempt.objects.get()
    assert attempt.username == login.account
    assert "gần-đúng" not in attempt.post_data
    assert "2026" not in attempt.post_data
