"""`manage.py bench_pages` serves a small catalogue with gunicorn and prints each scenario by its ceiling."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from marketplace.demo.pages_bench.serving import ceiling_body

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = (
    "home",
    "catalogue",
    "category",
    "product page",
    "search",
    "search, two filters",
    "search, new filter each",
    "storefront",
    "autocomplete",
    "basket, 3 lines",
    "basket, 12 enterprises",
    "product page, signed in",
)
NAME_WIDTH = 26


def table_rows(out):
    """{scenario: [req/s, p50, p99, ceiling req/s, ratio, errors, queries, KiB, workers MiB]}."""
    return {
        line[:NAME_WIDTH].strip(): line[NAME_WIDTH:].split()
        for line in out.splitlines()
        if line[:NAME_WIDTH].strip() in SCENARIOS
    }


def test_a_small_run_prints_every_scenario_with_its_ceiling_ratio_and_no_error(tmp_path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "marketplace.settings.test"}
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    done = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "bench_pages",
            "--products",
            "300",
            "--enterprises",
            "20",
            "--requests",
            "4",
            "--rounds",
            "1",
            "--connections",
            "2",
            "--database-dir",
            str(tmp_path),
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
    rows = table_rows(done.stdout)
    assert set(rows) == set(SCENARIOS), done.stdout
    for name, cells in rows.items():
        _rate, _p50, _p99, _ceiling, ratio, errors, queries, _kib, memory = cells
        assert float(ratio) > 0, (name, done.stdout)
        assert errors == "0", (name, done.stdout)
        assert queries != "-", (name, done.stdout)
        assert memory != "-", (name, done.stdout)
    assert "300 products" in done.stdout


def test_the_ceiling_sends_exactly_the_bytes_of_the_page_it_stands_for():
    assert len(ceiling_body(18_432)) == 18_432


def test_nonsense_sizes_are_refused_before_anything_is_built():
    with pytest.raises(CommandError):
        call_command("bench_pages", "--products", "0")
