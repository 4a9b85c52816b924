"""Structured logs, request ids, error e-mails to ADMINS and Sentry."""

import io
import json
import logging
import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import path
from django.utils.functional import SimpleLazyObject

from marketplace.operations import celery_context
from marketplace.operations.conf import log_format, parse_admins, sentry_options
from marketplace.operations.context import current, user_id_of
from marketplace.operations.logs import JsonFormatter, RequestContextFilter, TextFormatter

ROOT = Path(__file__).resolve().parents[2]
STRONG_SECRET = "k" * 20 + "Zx9-" * 10
GENERATED_ID = re.compile(r"[0-9a-f]{32}")

# --- A URLconf of the test's own: a view that logs, a view that fails -------------------------------


def chatty(request):
    logging.getLogger("marketplace.test").warning("stock of %s is low", "mật ong")
    return HttpResponse("done")


def failing(request):
    raise ZeroDivisionError("the view failed")


urlpatterns = [path("chatty/", chatty), path("failing/", failing)]


@pytest.fixture
def own_urls(settings):
    settings.ROOT_URLCONF = __name__


@pytest.fixture
def json_lines():
    """Records of every logger as the production console writes them, parsed."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestContextFilter())
    root = logging.getLogger()
    requests = logging.getLogger("marketplace.requests")
    previous_level = requests.level
    requests.setLevel(logging.DEBUG)
    root.addHandler(handler)

    def lines(logger=None):
        parsed = [json.loads(line) for line in stream.getvalue().splitlines()]
        return [line for line in parsed if logger is None or line["logger"] == logger]

    yield lines
    root.removeHandler(handler)
    requests.setLevel(previous_level)


# --- One line per request ---------------------------------------------------------------------------


def test_a_request_logs_one_json_line(client, shopper, json_lines):
    client.force_login(shopper)
    response = client.get("/catalogue/")
    assert response.status_code == 200
    [line] = json_lines("marketplace.requests")
    time = datetime.fromisoformat(line["time"])
    assert time.tzinfo is not None and time.utcoffset() is not None
    assert line["level"] == "INFO"
    assert line["request_id"] == response["X-Request-ID"]
    assert GENERATED_ID.fullmatch(line["request_id"])
    assert line["user_id"] == shopper.pk
    assert line["path"] == "/catalogue/"
    assert line["method"] == "GET"
    assert line["status"] == 200
    assert line["bytes"] == len(response.content)
    assert isinstance(line["duration_ms"], float) and line["duration_ms"] >= 0
    assert line["message"].startswith("GET /catalogue/ 200 ")


def test_an_anonymous_request_has_no_user_id(client, db, json_lines):
    client.get("/catalogue/?q=secret-search-terms")
    [line] = json_lines("marketplace.requests")
    assert line["user_id"] is None
    assert line["path"] == "/catalogue/"  # the query string is not logged
    assert "secret-search-terms" not in json.dumps(line)


def test_records_logged_during_a_request_carry_its_context(client, shopper, own_urls, json_lines):
    client.force_login(shopper)
    response = client.get("/chatty/", HTTP_X_REQUEST_ID="lb-4f1c2a")
    [record] = json_lines("marketplace.test")
    assert record["message"] == "stock of mật ong is low"
    assert record["level"] == "WARNING"
    assert (record["request_id"], record["path"]) == ("lb-4f1c2a", "/chatty/")
    assert response["X-Request-ID"] == "lb-4f1c2a"
    # Outside a request the fields are there, empty.
    logging.getLogger("marketplace.test").warning("after")
    assert json_lines("marketplace.test")[-1]["request_id"] is None


def test_logging_the_user_costs_no_query(client, shopper, own_urls, settings, json_lines):
    client.force_login(shopper)
    with CaptureQueriesContext(connection) as logged:
        client.get("/chatty/")
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if not name.endswith(".RequestLogMiddleware")]
    with CaptureQueriesContext(connection) as not_logged:
        client.get("/chatty/")
    assert len(logged) == len(not_logged)
    assert json_lines("marketplace.requests")[0]["user_id"] == shopper.pk


def test_the_user_id_is_read_only_when_already_loaded(rf, shopper):
    def load_user():
        raise AssertionError("the user was loaded for a log line")

    request = rf.get("/")
    request.user = SimpleLazyObject(load_user)
    assert user_id_of(request) is None
    request.session = SimpleNamespace(_session_cache={"_auth_user_id": str(shopper.pk)})
    assert user_id_of(request) == shopper.pk
    request.user = shopper
    assert user_id_of(request) == shopper.pk
    request.user = AnonymousUser()
    assert user_id_of(request) is None


def test_probes_are_logged_at_debug_unless_they_fail(client, db, settings, json_lines):
    client.get("/healthz")
    client.get("/readyz")
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:9/0"
    client.get("/readyz")
    assert [(line["path"], line["status"], line["level"]) for line in json_lines("marketplace.requests")] == [
        ("/healthz", 200, "DEBUG"),
        ("/readyz", 200, "DEBUG"),
        ("/readyz", 503, "INFO"),
    ]


# --- Request ids --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "incoming", ["4bf92f3577b34da6a3ce929d0e0e4736", "Root=1-5759e988-bd862e3fe1be46a9", "req_01.a:b+c/d="]
)
def test_a_sane_incoming_request_id_is_kept(client, db, incoming):
    assert client.get("/healthz", HTTP_X_REQUEST_ID=incoming)["X-Request-ID"] == incoming


@pytest.mark.parametrize(
    "hostile",
    ["abc\ndef", "abc\r\nSet-Cookie: x=1", "x" * 1000, "a b", "<script>alert(1)</script>", '"quoted"', ""],
)
def test_a_hostile_incoming_request_id_is_replaced(client, db, json_lines, hostile):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=hostile)
    assert GENERATED_ID.fullmatch(response["X-Request-ID"])
    [line] = json_lines("marketplace.requests")
    assert line["request_id"] == response["X-Request-ID"]


def test_each_request_gets_its_own_id(client, db):
    assert client.get("/healthz")["X-Request-ID"] != client.get("/healthz")["X-Request-ID"]


def test_a_path_with_control_characters_stays_on_one_line(client, db):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(TextFormatter())
    logger = logging.getLogger("marketplace.requests")
    logger.addHandler(handler)
    try:
        client.get("/nowhere%0Aforged INFO line/")
    finally:
        logger.removeHandler(handler)
    [line] = stream.getvalue().splitlines()
    assert "/nowhere%0Aforged%20INFO%20line/ 404" in line


# --- Errors: Django's log, e-mail to ADMINS --------------------------------------------------------


def test_an_error_is_logged_with_its_traceback_and_mailed_to_admins(db, settings, own_urls, json_lines):
    settings.ADMINS = [("Ops", "ops@cho-ocop.vn")]
    response = Client(raise_request_exception=False).get("/failing/")
    assert response.status_code == 500
    [error] = json_lines("django.request")
    assert error["level"] == "ERROR"
    assert "ZeroDivisionError: the view failed" in error["exc_info"]
    assert (error["request_id"], error["path"]) == (response["X-Request-ID"], "/failing/")
    assert json_lines("marketplace.requests")[0]["status"] == 500
    [message] = mail.outbox
    assert message.to == ["ops@cho-ocop.vn"]
    assert "ZeroDivisionError" in message.subject + message.body


def test_no_mail_without_admins(db, settings, own_urls):
    settings.ADMINS = []
    Client(raise_request_exception=False).get("/failing/")
    assert mail.outbox == []


def test_error_mail_goes_through_the_projects_email_backend():
    from django.conf import settings

    [handler] = [
        h for h in logging.getLogger("django.request").handlers if h.__class__.__name__ == "AdminEmailHandler"
    ]
    assert handler.email_backend is None  # settings.EMAIL_BACKEND: the background backend outside tests
    assert settings.LOGGING["handlers"]["mail_admins"]["filters"] == ["require_debug_false"]
    assert not logging.getLogger("django.security").handlers  # bad Host headers are not e-mailed


@pytest.mark.parametrize(
    ("value", "admins"),
    [
        ("", []),
        ("ops@cho-ocop.vn", [("", "ops@cho-ocop.vn")]),
        ("a@x.vn,b@y.vn", [("", "a@x.vn"), ("", "b@y.vn")]),
        (
            "Ban vận hành <ops@cho-ocop.vn>, dev@cho-ocop.vn",
            [("Ban vận hành", "ops@cho-ocop.vn"), ("", "dev@cho-ocop.vn")],
        ),
        ('"Lê, Văn A" <le@x.vn>', [("Lê, Văn A", "le@x.vn")]),
    ],
)
def test_admins_are_read_from_a_list_of_addresses(value, admins):
    assert parse_admins(value) == admins


@pytest.mark.parametrize("value", ["ops", "ops@cho-ocop.vn dev@cho-ocop.vn", "Ops <>", "a@x.vn, ,b@y.vn"])
def test_malformed_admins_are_refused(value):
    with pytest.raises(ImproperlyConfigured, match="ADMINS"):
        parse_admins(value)


# --- Formats ------------------------------------------------------------------------------------


def test_log_format_is_json_or_text(monkeypatch):
    monkeypatch.delenv("LOG_FORMAT", raising=False)
    assert log_format(default="json") == "json"
    monkeypatch.setenv("LOG_FORMAT", "TEXT")
    assert log_format(default="json") == "text"
    monkeypatch.setenv("LOG_FORMAT", "xml")
    with pytest.raises(ImproperlyConfigured, match="LOG_FORMAT"):
        log_format(default="json")


def test_the_text_format_has_time_level_and_request_id():
    record = logging.LogRecord("marketplace.test", logging.WARNING, __file__, 1, "low stock", (), None)
    text = TextFormatter().format(record)
    time, level, name, request_id, message = text.split(" ", 4)
    assert datetime.fromisoformat(time).utcoffset() is not None
    assert (level, name, request_id, message) == ("WARNING", "marketplace.test", "[-]", "low stock")


def run_production(code, **env):
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("SENTRY_", "LOG_", "ADMINS"))
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="marketplace.settings.production", SECRET_KEY=STRONG_SECRET, **env
    )
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); " + code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_writes_json_lines_by_default():
    result = run_production("import logging; logging.getLogger('marketplace.test').warning('hello')")
    assert result.returncode == 0, result.stderr
    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert (line["level"], line["logger"], line["message"]) == ("WARNING", "marketplace.test", "hello")
    assert {"time", "request_id", "user_id", "path"} <= set(line)


def test_production_writes_text_when_asked():
    result = run_production(
        "import logging; logging.getLogger('marketplace.test').warning('hello')", LOG_FORMAT="text"
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1].endswith(" WARNING marketplace.test [-] hello")


# --- Sentry -------------------------------------------------------------------------------------


def test_sentry_is_off_without_a_dsn():
    result = run_production("import sentry_sdk; print(sentry_sdk.is_initialized())")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False"]


def test_sentry_starts_with_a_dsn_and_sends_no_personal_data():
    result = run_production(
        "import sentry_sdk; client = sentry_sdk.get_client(); options = client.options; "
        "print(sentry_sdk.is_initialized(), options['environment'], options['traces_sample_rate'], "
        "options['send_default_pii'], 'django' in client.integrations, 'celery' in client.integrations)",
        SENTRY_DSN="https://public@sentry.invalid/1",
        SENTRY_ENVIRONMENT="staging",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "staging", "0.0", "False", "True", "True"]


def test_sentry_options(monkeypatch):
    monkeypatch.delenv("SENTRY_DSN", raising=False)
    assert sentry_options() is None
    monkeypatch.setenv("SENTRY_DSN", "https://public@sentry.invalid/1")
    monkeypatch.delenv("SENTRY_ENVIRONMENT", raising=False)
    monkeypatch.setenv("SENTRY_TRACES_SAMPLE_RATE", "0.2")
    assert sentry_options() == {
        "dsn": "https://public@sentry.invalid/1",
        "environment": "production",
        "traces_sample_rate": 0.2,
        "send_default_pii": False,
    }
    for bad in ("2", "-0.1", "often"):
        monkeypatch.setenv("SENTRY_TRACES_SAMPLE_RATE", bad)
        with pytest.raises(ImproperlyConfigured, match="SENTRY_TRACES_SAMPLE_RATE"):
            sentry_options()


# --- Celery tasks ---------------------------------------------------------------------------------


def test_a_task_carries_the_id_of_the_request_that_queued_it():
    headers = {}
    celery_context.on_publish(headers=headers)
    assert headers == {}  # no request, nothing to pass on

    task = SimpleNamespace(request=SimpleNamespace(x_request_id="lb-4f1c2a"))
    celery_context.on_task_start(task_id="task-1", task=task)
    assert current().request_id == "lb-4f1c2a"
    celery_context.on_publish(headers=headers)  # a task queuing another passes the id on
    assert headers == {"x_request_id": "lb-4f1c2a"}
    celery_context.on_task_end(task_id="task-1")
    assert current() is None

    celery_context.on_task_start(task_id="task-2", task=SimpleNamespace(request=SimpleNamespace()))
    assert current().request_id == "task-2"
    celery_context.on_task_end(task_id="task-2")
    assert current() is None
