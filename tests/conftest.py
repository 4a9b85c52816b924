"""Shared fixtures: one migrated test database per run, holding a small demo province."""

import pytest
from django.core.management import call_command
from django.db import connection

from marketplace.demo.builders import DEMO_PASSWORD

DEMO_PRODUCTS = 48


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", products=DEMO_PRODUCTS, verbosity=0)
        # Transactional tests (the browser's) empty the database when done;
        # with serialized_rollback they restore this snapshot, demo included.
        connection._test_serialized_contents = connection.creation.serialize_db_to_string()


def pytest_collection_modifyitems(items):
    """Browser tests are transactional and empty the database when done: run them last."""
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
    items.sort(key=lambda item: "tests/browser/" in str(item.fspath))


def _account(django_user_model, email):
    return django_user_model.objects.get(email=email)


@pytest.fixture
def shopper(db, django_user_model):
    return _account(django_user_model, "shopper@demo.vn")


@pytest.fixture
def vendor1(db, django_user_model):
    return _account(django_user_model, "vendor1@demo.vn")


@pytest.fixture
def vendor2(db, django_user_model):
    return _account(django_user_model, "vendor2@demo.vn")


@pytest.fixture
def reviewer(db, django_user_model):
    return _account(django_user_model, "reviewer@demo.vn")


@pytest.fixture
def editor(db, django_user_model):
    return _account(django_user_model, "editor@demo.vn")


@pytest.fixture
def admin_user(db, django_user_model):
    return _account(django_user_model, "admin@demo.vn")


@pytest.fixture
def demo_password():
    return DEMO_PASSWORD
