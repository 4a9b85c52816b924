"""Configuration comes from the environment; production refuses unsafe set-ups."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STRONG_SECRET = "k" * 20 + "Zx9-" * 10


def run(code, **env):
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "marketplace.settings.production", **env}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


SETUP = "import django; django.setup(); from django.conf import settings; "


@pytest.mark.parametrize("secret", ["", "short", "django-insecure-" + "x" * 60])
def test_production_refuses_a_missing_or_weak_secret(secret):
    result = run(SETUP + "print(settings.DEBUG)", SECRET_KEY=secret)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_starts_with_a_strong_secret_and_reads_the_environment(tmp_path):
    result = run(
        SETUP + "print(settings.DEBUG, settings.ALLOWED_HOSTS, settings.DATABASES['default']['ENGINE'],"
        " settings.ELASTICSEARCH_URL, settings.DEMO_DATA_ALLOWED)",
        SECRET_KEY=STRONG_SECRET,
        ALLOWED_HOSTS="cho-ocop.quangtri.gov.vn,www.cho-ocop.vn",
        DATABASE_URL="postgres://shop:pw@db.internal:5432/shop",
        ELASTICSEARCH_URL="http://search.internal:9200",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False",
        "['cho-ocop.quangtri.gov.vn',",
        "'www.cho-ocop.vn']",
        "django.db.backends.postgresql",
        "http://search.internal:9200",
        "False",
    ]


def test_production_never_loads_demo_data(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "load_demo"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "marketplace.settings.production",
            "SECRET_KEY": STRONG_SECRET,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "Demo data is never loaded" in result.stderr
    assert not (tmp_path / "db.sqlite3").exists() or (tmp_path / "db.sqlite3").stat().st_size == 0


def test_a_malformed_boolean_setting_is_reported_by_name():
    result = run(
        SETUP + "print(settings.DEBUG)", DJANGO_SETTINGS_MODULE="marketplace.settings.dev", DEBUG="maybe"
    )
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr


def test_haystack_is_not_imported_by_the_running_site(client, db):
    client.get("/search/?q=mật ong")
    client.get("/catalogue/")
    assert "haystack" not in sys.modules
