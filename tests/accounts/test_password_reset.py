"""Password-reset e-mails: at most 5 an hour for one e-mail address, 20 from one client
address, on the shop's form and the Wagtail admin's; a refusal never tells whether an
account uses the address."""

import re
import time

import pytest
from django.core import mail
from django.test import Client

from .conftest import english_client, form_address, in_vietnamese

pytestmark = pytest.mark.django_db

FORMS = {"shop": "/password-reset/", "wagtail": "/cms/password_reset/"}
REFUSED_HEADING = "Too many password reset requests"
LIMIT = 5  # an hour, for one e-mail address
ADDRESS_LIMIT = 20  # an hour, from one client address


@pytest.fixture(params=list(FORMS))
def reset_form(request):
    return FORMS[request.param]


def same_for_everyone(html):
    """A page without what differs between any two answers: tokens, nonces, the time."""
    html = re.sub(r'(value|nonce|content)="[A-Za-z0-9+/=_-]{20,}"', "", html)
    return re.sub(r"\d\d:\d\d", "", html)


def ask(form, email, address="198.51.100.7", client=None):
    client = client or Client()
    return client.post(form_address(client, form), {"email": email}, REMOTE_ADDR=address)


def test_the_sixth_request_within_an_hour_is_refused_without_an_email(reset_form, shopper):
    for _ in range(LIMIT):
        assert ask(reset_form, shopper.email).status_code == 302
    assert len(mail.outbox) == LIMIT

    response = ask(reset_form, shopper.email, address="192.0.2.1")  # another address changes nothing

    assert response.status_code == 429
    assert len(mail.outbox) == LIMIT
    assert response["Content-Language"] == "vi"
    assert in_vietnamese(REFUSED_HEADING) in response.content.decode()
    assert 3500 < int(response["Retry-After"]) <= 3600


def test_the_refusal_reads_in_english_for_visitors_who_chose_it(reset_form, shopper):
    for _ in range(LIMIT):
        ask(reset_form, shopper.email)

    response = ask(reset_form, shopper.email, client=english_client())

    html = response.content.decode()
    assert response.status_code == 429
    assert REFUSED_HEADING in html
    assert "Please try again after " in html
    assert "(in about 60 min)" in html


def test_whether_an_account_uses_the_address_cannot_be_told_from_the_answers(reset_form, shopper):
    def answers(email):
        return [
            (response.status_code, response.get("Location"), same_for_everyone(response.content.decode()))
            for response in (ask(reset_form, email) for _ in range(LIMIT + 2))
        ]

    assert answers(shopper.email) == answers("nobody-here@example.vn")


def test_spelling_the_address_differently_does_not_get_more_emails(shopper):
    for spelling in [
        "shopper@demo.vn",
        "Shopper@demo.vn",
        " SHOPPER@DEMO.VN",
        "shopper@DEMO.vn",
        "shopper@demo.vn ",
    ]:
        ask(FORMS["shop"], spelling)

    assert ask(FORMS["shop"], "shopper@demo.vn").status_code == 429


def test_one_address_asking_for_many_accounts_is_refused_after_twenty(reset_form):
    for number in range(ADDRESS_LIMIT):
        assert ask(reset_form, f"person{number}@example.vn", address="203.0.113.9").status_code == 302

    assert ask(reset_form, "one-more@example.vn", address="203.0.113.9").status_code == 429
    assert ask(reset_form, "one-more@example.vn", address="198.51.100.20").status_code == 302


def test_an_hour_later_the_address_may_ask_again(shopper, monkeypatch):
    for _ in range(LIMIT + 1):
        ask(FORMS["shop"], shopper.email)
    an_hour_later = time.time() + 3601
    monkeypatch.setattr(time, "time", lambda: an_hour_later)

    assert ask(FORMS["shop"], shopper.email).status_code == 302


def test_the_forms_still_show_and_bad_input_gets_the_form_again(reset_form):
    assert Client().get(reset_form).status_code == 200
    for email in ["", "not-an-email", "x" * 500 + "@example.vn", "a\x00b@example.vn"]:
        assert ask(reset_form, email).status_code in (200, 302)
