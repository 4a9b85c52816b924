"""Signing in through each of the site's logins, from a given address."""

from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db.models import F
from django.test import Client
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext

OWNER = "198.51.100.7"  # where an account's owner signs in from
ATTACKER = "203.0.113.66"  # where someone else guesses passwords from
WRONG = "not-the-password"
LOCKED_HEADING = "Too many failed sign-in attempts"


@dataclass(frozen=True)
class Login:
    path: str
    account: str  # a demo account this login lets in
    username_field: str = "username"
    password_field: str = "password"
    extra: dict = field(default_factory=dict)


LOGINS = {
    "shop": Login(
        "/accounts/login/", "shopper@demo.vn", "login-username", "login-password", {"login_submit": "1"}
    ),
    "dashboard": Login("/dashboard/login/", "vendor1@demo.vn"),
    "django admin": Login("/admin/login/", "admin@demo.vn", extra={"next": "/admin/"}),
    "wagtail": Login("/cms/login/", "editor@demo.vn"),
}


@pytest.fixture(params=list(LOGINS))
def login(request, db):
    return LOGINS[request.param]


@pytest.fixture(autouse=True)
def no_limits_left_over():
    """Password-reset counts live in the default cache, which outlives a test's transaction
    (the test settings' memory cache: clearing a Redis cache would empty its whole database)."""
    assert isinstance(caches["default"], LocMemCache)
    caches["default"].clear()
    yield
    caches["default"].clear()


def sign_in(client, login, username, password, address=OWNER, **headers):
    data = {login.username_field: username, login.password_field: password, **login.extra}
    return client.post(form_address(client, login.path), data, REMOTE_ADDR=address, **headers)


def form_address(client, path):
    """Where the form of the page the visitor reads posts: on a page read in English, the English
    twin of ``path`` (``/en/…``), if it has one (the admin areas have none)."""
    language = client.cookies.get(settings.LANGUAGE_COOKIE_NAME)
    return translate_url(path, language.value) if language else path


def is_signed_in(client):
    return "_auth_user_id" in client.session


def fail(login, times, username=None, address=ATTACKER):
    """Wrong passwords from a browser of their own; returns the last answer."""
    client = Client()
    for _ in range(times):
        response = sign_in(client, login, username or login.account, WRONG, address)
        assert response.status_code in (200, 429)  # the form again with its error, or the lockout page
    return response


def english_client():
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def time_passes(minutes):
    """The failed sign-ins on record happened ``minutes`` earlier than they did."""

    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=minutes))


def in_vietnamese(text):
    with translation.override("vi"):
        return gettext(text)
