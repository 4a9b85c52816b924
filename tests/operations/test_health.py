"""/healthz and /readyz: probes for load balancers, containers and monitoring."""

import json
import socket
import sys
import threading
import time
import types

import pytest
from django.core.cache import caches

from marketplace.operations import health


@pytest.fixture
def production_like(settings):
    """What production changes about requests: HTTPS redirects and a public host name only."""
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["cho-ocop.quangtri.gov.vn"]


def readyz(client, **headers):
    started = time.monotonic()
    response = client.get("/readyz", **headers)
    return response, time.monotonic() - started


# --- /healthz -----------------------------------------------------------------------------------


def test_healthz_answers_without_the_database(client):
    # No db fixture: pytest-django fails the test on any database access.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Content-Type"].startswith("text/plain")


def test_healthz_makes_no_query_and_is_never_cached(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["X-Request-ID"]


def test_only_get_and_head_are_answered(client):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405
    assert client.post("/readyz").status_code == 405


@pytest.mark.usefixtures("production_like")
@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1:8000", "10.0.3.7:8000"])
def test_probes_answer_any_host_over_plain_http(client, host, db):
    """A container's health check asks http://localhost/..., a Kubernetes probe the pod's address."""
    assert client.get("/healthz", HTTP_HOST=host).status_code == 200
    assert client.get("/readyz", HTTP_HOST=host).status_code == 200


@pytest.mark.usefixtures("production_like")
def test_the_site_itself_still_checks_the_host_and_redirects_to_https(client, db):
    assert client.get("/catalogue/", HTTP_HOST="localhost").status_code == 400
    response = client.get("/catalogue/", HTTP_HOST="cho-ocop.quangtri.gov.vn")
    assert response.status_code == 301
    assert response["Location"].startswith("https://cho-ocop.quangtri.gov.vn/")


def test_probes_are_not_redirected_to_https_even_without_the_middleware(settings, client, db):
    """SECURE_REDIRECT_EXEMPT covers them when they are served by the URL patterns."""
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.endswith(".ProbeMiddleware")]
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200
    assert client.get("/catalogue/").status_code == 301


# --- /readyz ---------------------------------------------------------------------------------------


def test_readyz_reports_every_check_when_all_is_up(client, db):
    response, _seconds = readyz(client)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "broker", "search"}
    for name, check in body["checks"].items():
        assert check["ok"] is True, name
        assert isinstance(check["detail"], str)
        assert isinstance(check["duration_ms"], int | float) and check["duration_ms"] >= 0
    assert body["checks"]["broker"]["detail"] == "tasks run in-process"


def test_a_cache_that_fails_makes_readyz_unavailable(client, db, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionError("Error 111 connecting to redis://:hunter2@cache.internal:6379/1")

    monkeypatch.setattr(caches["default"], "set", refuse)
    response, _seconds = readyz(client)
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["cache"]["ok"] is False
    assert body["checks"]["cache"]["detail"] == "failed (ConnectionError)"
    assert body["checks"]["database"]["ok"] is True
    assert "hunter2" not in response.content.decode()


def test_a_broker_on_a_closed_port_makes_readyz_unavailable_quickly(client, db, settings):
    settings.CELERY_BROKER_URL = "redis://:s3cret-pw@127.0.0.1:9/0"
    response, seconds = readyz(client)
    assert seconds < 3
    assert response.status_code == 503
    broker = response.json()["checks"]["broker"]
    assert broker["ok"] is False
    assert "OperationalError" in broker["detail"]
    assert "s3cret" not in response.content.decode()


def test_a_broker_port_that_never_answers_is_given_up_within_two_seconds(client, db, settings):
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(0)  # connections wait in the backlog; nothing ever answers
    try:
        for url in (
            f"redis://127.0.0.1:{silent.getsockname()[1]}/0",
            f"amqp://127.0.0.1:{silent.getsockname()[1]}//",
        ):
            settings.CELERY_BROKER_URL = url
            response, seconds = readyz(client)
            assert seconds < 3, url
            assert response.status_code == 503
            assert response.json()["checks"]["broker"]["ok"] is False
    finally:
        silent.close()


def test_a_broker_check_that_hangs_is_abandoned(client, db, settings, monkeypatch):
    """Socket timeouts do not cover everything (a name lookup that hangs): the check has a hard limit."""
    release = threading.Event()
    monkeypatch.setattr(health, "BROKER_HARD_LIMIT", 0.3)
    monkeypatch.setattr("kombu.Connection.ensure_connection", lambda *args, **kwargs: release.wait(10))
    settings.CELERY_BROKER_URL = "redis://broker.internal:6379/0"
    try:
        response, seconds = readyz(client)
    finally:
        release.set()
    assert seconds < 2
    assert response.status_code == 503
    assert response.json()["checks"]["broker"]["detail"] == "failed (TimeoutError)"


def test_a_reachable_broker_is_ok(client, db, settings, monkeypatch):
    monkeypatch.setattr("kombu.Connection.ensure_connection", lambda self, *args, **kwargs: self)
    settings.CELERY_BROKER_URL = "redis://:s3cret-pw@broker.internal:6379/0"
    response, _seconds = readyz(client)
    assert response.status_code == 200
    assert response.json()["checks"]["broker"] == {
        "ok": True,
        "detail": "redis broker reachable",
        "duration_ms": response.json()["checks"]["broker"]["duration_ms"],
    }


def test_a_database_that_fails_makes_readyz_unavailable(client, db, monkeypatch):
    def fail():
        raise health.connections["default"].Database.OperationalError("could not connect to db.internal")

    monkeypatch.setitem(health.CHECKS, "database", fail)
    response, _seconds = readyz(client)
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == {
        "ok": False,
        "detail": "failed (OperationalError)",
        "duration_ms": response.json()["checks"]["database"]["duration_ms"],
    }


def test_a_failure_is_logged_with_credentials_masked(client, db, settings, caplog):
    settings.CELERY_BROKER_URL = "redis://:s3cret-pw@127.0.0.1:9/0"
    with caplog.at_level("WARNING", logger="marketplace.operations.health"):
        client.get("/readyz")
    assert "Readiness check broker failed" in caplog.text
    assert "s3cret" not in caplog.text


def test_mask_hides_passwords_in_urls():
    assert health.mask("redis://:pw@h:6379/0 and amqp://user:pw@rabbit//") == (
        "redis://***@h:6379/0 and amqp://***@rabbit//"
    )
    assert health.mask("line one\nline two") == "line one line two"
    assert len(health.mask("x" * 1000)) == health.MAX_DETAIL


# --- search (search.health.search_status, written alongside) -------------------------------------


def fake_search_health(monkeypatch, status):
    module = types.ModuleType("search.health")
    module.search_status = lambda: status
    monkeypatch.setitem(sys.modules, "search.health", module)


def test_search_status_is_reported(client, db, monkeypatch):
    fake_search_health(
        monkeypatch, {"ok": True, "backend": "elasticsearch", "detail": "alias cho-ocop-products"}
    )
    response, _seconds = readyz(client)
    assert response.status_code == 200
    search = response.json()["checks"]["search"]
    assert (search["ok"], search["backend"], search["detail"]) == (
        True,
        "elasticsearch",
        "alias cho-ocop-products",
    )


def test_a_search_backend_that_is_down_makes_readyz_unavailable(client, db, monkeypatch):
    fake_search_health(
        monkeypatch,
        {"ok": False, "backend": "elasticsearch", "detail": "no answer from http://elastic:pw@search:9200"},
    )
    response, _seconds = readyz(client)
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["search"]["ok"] is False
    assert "pw@" not in json.dumps(body)
