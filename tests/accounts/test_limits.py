"""Counting password-reset requests: in each process's memory by default, in Redis (shared by
every process) with REDIS_URL."""

import pytest
from django.core.cache import caches

from marketplace.accounts.limits import Limit
from tests.conftest import cache_in_redis


@pytest.fixture
def in_redis(settings):
    """The default cache in the machine's Redis, under a prefix of its own that is removed afterwards."""
    with cache_in_redis(settings, "default"):
        yield


@pytest.fixture(params=["memory", "redis"])
def either_cache(request):
    if request.param == "redis":
        request.getfixturevalue("in_redis")


def test_events_within_the_limit_pass_and_the_next_one_waits_for_the_window_to_end(either_cache):
    limit = Limit("test", count=3, seconds=600)

    answers = [limit.hit("a@example.vn") for _ in range(4)]

    assert answers[:3] == [None, None, None]
    assert 598 <= answers[3] <= 600
    assert limit.hit("b@example.vn") is None  # each key counts on its own


def test_forgetting_a_key_starts_it_again(either_cache):
    limit = Limit("test", count=1, seconds=600)
    limit.hit("a@example.vn")
    limit.hit("a@example.vn")

    limit.forget("a@example.vn")

    assert limit.hit("a@example.vn") is None


def test_in_redis_another_process_finds_the_count(in_redis):
    limit = Limit("test", count=1, seconds=600)
    limit.hit("a@example.vn")
    caches["default"].close()
    del caches["default"]  # what another process starts with: nothing but Redis

    assert limit.hit("a@example.vn") is not None
