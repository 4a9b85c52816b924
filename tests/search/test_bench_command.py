"""`manage.py bench_search` runs end to end on a small size and prints the figures the budget is judged by."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

ROOT = Path(__file__).resolve().parents[2]


def test_a_small_benchmark_prints_every_figure(tmp_path):
    database = tmp_path / "bench.sqlite3"
    # Two index workers even for a small catalogue: forked processes build chunks of the SQLite file at once.
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "marketplace.settings.test", "SEARCH_INDEX_WORKERS": "2"}
    env.pop("DATABASE_URL", None)
    done = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "bench_search",
            "--products",
            "400",
            "--enterprises",
            "8",
            "--runs",
            "2",
            "--database",
            str(database),
            "--verbosity",
            "0",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    out = done.stdout
    for label in (
        "400 products",
        "data generation",
        "index build",
        "facet columns, loaded once per process",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "SQL queries per search",
        "peak memory",
        "first asked",
        "asked before",
        "a sale before each",
        "Wagtail database search",
        "max RSS",
    ):
        assert label in out, out
    assert database.exists()


def test_nonsense_sizes_are_refused_before_anything_is_built():
    with pytest.raises(CommandError):
        call_command("bench_search", "--products", "0")
