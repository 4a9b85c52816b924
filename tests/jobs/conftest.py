"""A broker that is down, and one that answers: the machine's Redis, in a database of the tests' own."""

import os

import pytest
from kombu import pools

from marketplace.celery import app
from tests.conftest import redis_or_fail

REDIS_BROKER = os.environ.get("TEST_BROKER_URL", "redis://127.0.0.1:6379/14")
CLOSED_PORT = "redis://127.0.0.1:9/0"  # nothing listens there: connections are refused at once


def _use_broker(settings, url):
    """Publish for real (not in-process) to ``url``, as web processes do in production."""
    settings.CELERY_BROKER_URL = url
    settings.CELERY_TASK_ALWAYS_EAGER = False
    _configure(broker_url=url, task_always_eager=False)


def _configure(**conf):
    """Change the Celery app's broker; its pooled connections belong to the old one."""
    app.conf.update(**conf)
    pools.reset()  # kombu's pools, keyed by connection, closed and forgotten
    app._after_fork()  # the app's own references to them, as in a new process


@pytest.fixture
def broker_down(settings):
    _use_broker(settings, CLOSED_PORT)
    yield
    _configure(broker_url="", task_always_eager=True)


@pytest.fixture
def broker(settings):
    """The machine's Redis as broker; yields a client to read the queue. Fails in CI if Redis is down."""
    client = redis_or_fail(REDIS_BROKER)
    client.flushdb()
    _use_broker(settings, REDIS_BROKER)
    yield client
    client.flushdb()
    _configure(broker_url="", task_always_eager=True)


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    """Run what waits for the commit when the block ends, as the end of a request's transaction does."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
