"""With REDIS_URL, every application process shares the remembered search answers, also after a restart."""

import json
import os
import subprocess
import sys

import pytest
from django.core.cache import caches

from search import indexing, tasks
from search.backends.database import DatabaseBackend
from search.backends.database.cache import forget_answers
from search.query import ProductQuery
from tests.conftest import cache_in_redis

pytestmark = pytest.mark.django_db

SHOW_CACHES = "import json; from marketplace.settings import base; print(json.dumps(base.CACHES))"


@pytest.fixture
def shared_cache(settings):
    """The search cache in the machine's Redis, under a prefix of its own that is removed afterwards."""
    with cache_in_redis(settings, "search") as (client, prefix):
        yield client, prefix


@pytest.fixture
def backend(monkeypatch):
    chosen = DatabaseBackend()
    monkeypatch.setattr(indexing, "get_backend", lambda: chosen)
    monkeypatch.setattr(tasks, "get_backend", lambda: chosen)  # the worker's index updates
    return chosen


def test_answers_are_kept_in_redis_where_a_fresh_process_finds_them(
    shared_cache, backend, django_assert_max_num_queries
):
    client, prefix = shared_cache
    first = backend.search(ProductQuery(text="mat ong", min_stars=3))
    assert any(client.scan_iter(f"{prefix}:*"))

    caches["search"].close()
    del caches["search"]  # what another process starts with: nothing but Redis
    with django_assert_max_num_queries(1 + 6):  # the version, then the page's products
        again = backend.search(ProductQuery(text="mat ong", min_stars=3))

    assert [product.pk for product in again.products] == [product.pk for product in first.products]
    assert again.facets == first.facets


def test_forgetting_answers_leaves_the_rest_of_redis_alone(
    shared_cache, backend, django_assert_max_num_queries
):
    client, prefix = shared_cache
    neighbour = f"{prefix}-neighbour"
    client.set(neighbour, "kept", ex=60)
    backend.search(ProductQuery(text="mat ong"))

    forget_answers()

    assert client.get(neighbour) == b"kept"
    client.delete(neighbour)
    with django_assert_max_num_queries(30) as asked:  # counted again, not read back
        list(backend.search(ProductQuery(text="mat ong")).products)  # the products are loaded when read
    assert len(asked) > 1 + 6


def test_redis_url_puts_every_cache_in_redis():
    shown = subprocess.run(
        [sys.executable, "-c", SHOW_CACHES],
        env={**os.environ, "REDIS_URL": "redis://127.0.0.1:6379/5"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    caches_shown = json.loads(shown)
    assert {name: config["BACKEND"] for name, config in caches_shown.items()} == {
        "default": "django.core.cache.backends.redis.RedisCache",
        "search": "django.core.cache.backends.redis.RedisCache",
        "pages": "django.core.cache.backends.redis.RedisCache",
    }
    assert {config["LOCATION"] for config in caches_shown.values()} == {"redis://127.0.0.1:6379/5"}
    prefixes = [config["KEY_PREFIX"] for config in caches_shown.values()]
    assert len(set(prefixes)) == len(prefixes)
