"""``search_status()`` tells the operations endpoint whether search can answer, quickly, and never raises."""

import pytest
from django.db import OperationalError

from search import health
from search.backends import get_backend
from search.backends.elasticsearch import ElasticsearchBackend
from search.models import ProductRecord

from .fake_elasticsearch import FakeCluster

pytestmark = pytest.mark.django_db

ALIAS = "cho-ocop-test-products"


@pytest.fixture
def elasticsearch(settings, monkeypatch):
    """Elasticsearch configured, its cluster the recording one."""
    settings.ELASTICSEARCH_URL = "http://ops:secret@search.internal:9200"
    cluster = FakeCluster()
    backend = ElasticsearchBackend(client=cluster.client(), alias=ALIAS)
    monkeypatch.setattr(health, "get_backend", lambda: backend)
    return cluster


def test_the_database_backend_is_ok_when_its_search_tables_answer():
    status = health.search_status()
    assert status == {"ok": True, "backend": "database", "detail": status["detail"]}
    assert status["detail"].startswith("search tables answer (revision ")


def test_an_empty_database_index_still_answers_but_says_it_needs_a_rebuild():
    ProductRecord.objects.all().delete()
    status = health.search_status()
    assert status["ok"] is True
    assert "empty: run search_index --rebuild" in status["detail"]


def test_search_tables_that_fail_make_it_not_ok_without_raising(monkeypatch):
    def broken():
        raise OperationalError("no such table: search_productrecord")

    monkeypatch.setattr(ProductRecord.objects, "exists", broken)
    assert health.search_status() == {
        "ok": False,
        "backend": "database",
        "detail": "OperationalError: no such table: search_productrecord",
    }


def test_elasticsearch_is_ok_when_the_cluster_answers_a_ping_and_the_alias_exists(elasticsearch):
    index = f"{ALIAS}-20260101t000000000000"
    elasticsearch.answer("GET", f"/_alias/{ALIAS}", {index: {"aliases": {ALIAS: {}}}})

    assert health.search_status() == {
        "ok": True,
        "backend": "elasticsearch",
        "detail": f"alias {ALIAS} -> {index}",
    }

    ping, alias = elasticsearch.requests
    assert (ping.method, ping.path) == ("HEAD", "/")
    assert (alias.method, alias.path) == ("GET", f"/_alias/{ALIAS}")
    assert {ping.timeout, alias.timeout} == {health.PING_TIMEOUT} == {1}


def test_a_missing_alias_is_not_ok(elasticsearch):
    elasticsearch.answer("GET", f"/_alias/{ALIAS}", {"error": f"alias [{ALIAS}] missing", "status": 404}, 404)
    status = health.search_status()
    assert status["ok"] is False
    assert status["detail"].startswith(f"alias {ALIAS} does not exist: run search_index --rebuild")


def test_a_cluster_that_does_not_answer_is_not_ok_and_is_asked_once(elasticsearch):
    from elastic_transport import ConnectionTimeout

    elasticsearch.unreachable = ConnectionTimeout("timed out")
    status = health.search_status()
    assert status["ok"] is False
    assert status["backend"] == "elasticsearch"
    # where the cluster is, never the password in its URL; and what shoppers get meanwhile
    assert status["detail"] == (
        "cluster at search.internal:9200 did not answer a ping within 1 s; "
        "searches answer from the database index"
    )
    assert len(elasticsearch.requests) == 1  # no retries


def test_with_the_cluster_down_and_no_database_index_the_detail_says_pages_answer_503(settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    ProductRecord.objects.all().delete()
    get_backend.cache_clear()
    try:
        status = health.search_status()
    finally:
        get_backend.cache_clear()
    assert status == {
        "ok": False,
        "backend": "elasticsearch",
        "detail": "cluster at 127.0.0.1:9 did not answer a ping within 1 s; search pages answer 503",
    }


def test_whatever_fails_is_reported_not_raised(settings, monkeypatch):
    settings.ELASTICSEARCH_URL = "http://search.internal:9200"

    def cannot_build():
        raise ValueError("bad URL")

    monkeypatch.setattr(health, "get_backend", cannot_build)
    assert health.search_status() == {
        "ok": False,
        "backend": "elasticsearch",
        "detail": "ValueError: bad URL",
    }
