"""Shared fixtures: one migrated test database per run, holding a small demo province."""

import os
import uuid
from contextlib import contextmanager

import pytest
import redis
from django.core.management import call_command
from django.db import connection

from marketplace.demo.builders import DEMO_PASSWORD
from marketplace.page_cache.store import forget_pages
from search.backends.database.columns import forget_columns

DEMO_PRODUCTS = 48

pytest_plugins = ["tests.localstripe"]  # the fake Stripe for payment and browser tests


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", products=DEMO_PRODUCTS, verbosity=0)
        # Transactional tests (the browser's) empty the database when done;
        # with serialized_rollback they restore this snapshot, demo included.
        # It is kept on the connection class, not on one connection object:
        # while Playwright's event loop runs in the test thread, Django gives
        # the test a fresh connection object to the same database, and the
        # restore (and the flush that must not re-run post_migrate) look for
        # the snapshot on that object.
        wrapper = connection.creation.connection
        wrapper.__dict__.pop("_test_serialized_contents", None)  # the snapshot taken before the demo
        type(wrapper)._test_serialized_contents = wrapper.creation.serialize_db_to_string()
    yield
    del type(wrapper)._test_serialized_contents


@pytest.fixture(autouse=True)
def _columns_from_this_test():
    """Facet columns held by the process follow the index forward; a test's rollback takes it back."""
    forget_columns()


@pytest.fixture(autouse=True)
def _pages_from_this_test():
    """Cached pages carry the content revision they were rendered at; a test's rollback takes it back."""
    forget_pages()


def pytest_collection_modifyitems(items):
    """Browser tests are transactional and empty the database when done: run them last."""
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
    items.sort(key=lambda item: "tests/browser/" in str(item.fspath))


def demo_account(email):
    """A fixture returning one of the demo accounts README lists."""

    @pytest.fixture
    def account(db, django_user_model):
        return django_user_model.objects.get(email=email)

    return account


shopper = demo_account("shopper@demo.vn")
vendor1 = demo_account("vendor1@demo.vn")
vendor2 = demo_account("vendor2@demo.vn")
reviewer = demo_account("reviewer@demo.vn")
editor = demo_account("editor@demo.vn")
admin_user = demo_account("admin@demo.vn")


@pytest.fixture
def staff(client, vendor1):
    """The test client signed in as vendor1, who works for a demo enterprise."""
    client.force_login(vendor1)
    return client


@pytest.fixture
def reviewing(client, reviewer):
    """The test client signed in as the Department's reviewer."""
    client.force_login(reviewer)
    return client


@pytest.fixture
def demo_password():
    return DEMO_PASSWORD


@pytest.fixture(autouse=True)
def no_language_left_active():
    """Each test starts as a new server thread does: the language a request activated (for its
    streamed answer, marketplace.middleware) does not carry over into the next test."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def in_english(settings):
    """Read messages in English, the second language, as if every visitor had chosen it.

    English becomes the language at the unprefixed addresses. The URL resolvers keep each
    language's reversed addresses, prefix included: they are rebuilt on the way in and out.
    """
    from django.urls import clear_url_caches
    from django.utils import translation

    settings.LANGUAGE_CODE = "en"
    clear_url_caches()
    with translation.override("en"):
        yield
    clear_url_caches()


TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def redis_or_fail(url):
    """A client of the machine's Redis at ``url``; CI fails without it, a laptop skips."""
    client = redis.Redis.from_url(url)
    try:
        client.ping()
    except redis.ConnectionError:
        if os.environ.get("CI"):
            pytest.fail(f"Redis is not answering at {url}")
        pytest.skip(f"Redis is not answering at {url}")
    return client


@contextmanager
def cache_in_redis(settings, alias):
    """The ``alias`` cache in the machine's Redis, under a prefix of its own that is removed afterwards.

    Gives (Redis client, key prefix).
    """
    client = redis_or_fail(TEST_REDIS_URL)
    prefix = f"cho-ocop-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        **settings.CACHES,
        alias: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": TEST_REDIS_URL,
            "KEY_PREFIX": prefix,
        },
    }
    try:
        yield client, prefix
    finally:
        for key in client.scan_iter(f"{prefix}:*"):
            client.delete(key)
