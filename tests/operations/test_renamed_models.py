"""Renaming VendorOrder to Parcel and TraceabilityBatch (with its steps and certifications) to Lot
keeps every record: parcels, their history and ledger rows, lots, steps and certifications."""

import json
import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import dj_database_url
import pytest

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def scratch_postgres(url):
    """A database of its own beside the one the suite runs on, dropped afterwards."""
    import psycopg

    config = dj_database_url.parse(url)
    name = f"{config['NAME']}_renames"
    admin = {
        "host": config["HOST"],
        "port": config["PORT"] or 5432,
        "user": config["USER"],
        "dbname": "postgres",
    }
    with psycopg.connect(**admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(**admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def scratch_database(tmp_path):
    """An empty database on the engine the suite runs on."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        with scratch_postgres(url) as scratch:
            yield scratch
    else:
        yield f"sqlite:///{tmp_path / 'before-renames.sqlite3'}"


def test_records_written_under_the_old_names_are_read_under_the_new_ones(scratch_database):
    env = dict(
        os.environ,
        DATABASE_URL=scratch_database,
        DJANGO_SETTINGS_MODULE="marketplace.settings.test",
        PYTHONPATH=str(ROOT),
    )
    run = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("renamed_models.py"))],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    records = json.loads(run.stdout.strip().splitlines()[-1])
    assert records == {
        "lot": ["MO2607-01", "Mật ong rừng", ["Thu hoạch"]],
        "certifications": ["VG-1"],
        "product_lots": ["MO2607-01"],
        "parcel": ["100001-1", "delivered", "100001", "HTX Ong Mật"],
        "history": [["shipped", "delivered"]],
        "ledger": [["237500", "sale"]],
        "parcels_of_order": ["100001-1"],
    }
