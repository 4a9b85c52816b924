"""SQLite connections are kept between requests like PostgreSQL's (DATABASE_CONN_MAX_AGE).

Each check runs in a fresh process on its own database file, through Django's WSGI handler,
which closes obsolete connections as every request starts and ends (the test client would not).
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

TWO_REQUESTS = """
import django
django.setup()
from wsgiref.util import setup_testing_defaults
from django.core.wsgi import get_wsgi_application
from django.db import connection
from django.db.backends.signals import connection_created

opened = []
connection_created.connect(lambda sender, connection, **kwargs: opened.append(connection), weak=False)
application = get_wsgi_application()


def get(path):
    environ = {"PATH_INFO": path}
    setup_testing_defaults(environ)
    answer = application(environ, lambda status, headers: None)
    b"".join(answer)
    answer.close()  # the end of the request: Django closes the connections past their age


get("/readyz")  # reads the database
get("/readyz")
print(len(opened), connection.cursor().execute("PRAGMA journal_mode").fetchone()[0])
"""


def two_requests(tmp_path, **env):
    """(connections opened by two requests, the journal mode) as the process printed them."""
    environment = {name: value for name, value in os.environ.items() if name != "DATABASE_CONN_MAX_AGE"}
    environment |= {
        "DJANGO_SETTINGS_MODULE": "marketplace.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'shop.sqlite3'}",
        **env,
    }
    result = subprocess.run(
        [sys.executable, "-c", TWO_REQUESTS],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_a_second_request_on_the_same_thread_reuses_the_sqlite_connection(tmp_path):
    opened, _mode = two_requests(tmp_path)
    assert opened == "1"


def test_a_connection_age_of_zero_opens_the_database_for_each_request(tmp_path):
    opened, _mode = two_requests(tmp_path, DATABASE_CONN_MAX_AGE="0")
    assert opened == "2"


def test_kept_sqlite_connections_write_ahead(tmp_path):
    _opened, mode = two_requests(tmp_path)
    assert mode == "wal"
