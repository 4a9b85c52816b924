"""Benchmark product search on generated data in a separate SQLite file (``make bench-search``).

The command lives with the data generator (``marketplace.demo.bench``): it uses search's
benchmark workload and timing, while ``search`` imports nothing from the demo.
"""

import tempfile
import time
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from tqdm import tqdm

from marketplace.demo import bench
from search.backends import get_backend
from search.backends.database import columns
from search.backends.database.cache import current_version, forget_answers
from search.bench import wagtail_reference
from search.bench.database import configured_database_files, migrated_database
from search.bench.workload import Sales, max_rss_mib, measure, query_mix
from search.services import search_products

DEFAULT_DATABASE = Path(tempfile.gettempdir()) / "cho-ocop-bench.sqlite3"


class Command(BaseCommand):
    help = (
        "Generate products in a separate SQLite database, build the search index and print build time, "
        "p50/p95/p99 latency of a fixed query mix with facets, SQL queries per search and peak memory, "
        "with Wagtail's database search backend on the same products as a reference."
    )

    def add_arguments(self, parser):
        parser.add_argument("--products", type=int, default=100_000)
        parser.add_argument("--enterprises", type=int, default=1_000)
        parser.add_argument("--runs", type=int, default=5, help="Passes over the query mix (default 5).")
        parser.add_argument(
            "--database",
            type=Path,
            default=DEFAULT_DATABASE,
            help=f"SQLite file to create, replaced if present (default {DEFAULT_DATABASE}).",
        )
        parser.add_argument("--no-wagtail", action="store_true", help="Skip the Wagtail reference.")
        parser.add_argument(
            "--wagtail-runs",
            type=int,
            default=1,
            help="Timed passes for the Wagtail reference, which takes seconds per search (default 1).",
        )

    def handle(self, *args, products, enterprises, runs, database, no_wagtail, wagtail_runs, **options):
        if min(products, enterprises, runs, wagtail_runs) < 1:
            raise CommandError("--products, --enterprises, --runs and --wagtail-runs must be at least 1.")
        database = database.resolve()
        if database in configured_database_files():
            raise CommandError(f"{database} is a configured database; the benchmark only uses its own file.")
        quiet = options["verbosity"] == 0

        started = time.perf_counter()
        migrated_database(database)
        call_command("import_places", verbosity=0)
        schema_seconds = time.perf_counter() - started

        started = time.perf_counter()
        with tqdm(total=products, desc="Products", unit="product", disable=quiet) as bar:
            counts = bench.generate(products, min(enterprises, products), progress=bar)
        generation_seconds = time.perf_counter() - started

        backend = get_backend()
        started = time.perf_counter()
        with tqdm(desc="Index", unit="product", disable=quiet) as bar:
            backend.rebuild(progress=bar)
        build_seconds = time.perf_counter() - started
        held_columns = _facet_columns(backend)

        mix = query_mix(bench.sample_values())
        name = type(backend).__name__
        with tqdm(desc="Searches, first asked", unit="search", disable=quiet) as bar:
            cold = measure(
                f"{name}, first asked", _total, mix, runs, before_each=forget_answers, progress=bar
            )
        cold.note = "nothing remembered: every facet count and page computed"
        with tqdm(desc="Searches, asked before", unit="search", disable=quiet) as bar:
            warm = measure(f"{name}, asked before", _total, mix, runs, progress=bar)
        warm.note = "facet counts and pages remembered under the index version"
        with tqdm(desc="Searches, a sale before each", unit="search", disable=quiet) as bar:
            selling = measure(
                f"{name}, a sale before each",
                _total,
                mix,
                runs,
                before_each=Sales(),
                warm_up=False,
                memory=False,
                progress=bar,
            )
        selling.note = "a checkout that leaves stock changes no record, so answers stay remembered"
        rows = [cold, warm, selling]
        builds = {name: build_seconds}
        if not no_wagtail:
            with tqdm(total=counts["products"], desc="Wagtail index", unit="product", disable=quiet) as bar:
                wagtail_build = wagtail_reference.build_index(progress=bar)
            # Seconds per search at 100,000 products: one timed pass, no warm-up, unless asked.
            with tqdm(desc="Wagtail searches", unit="search", disable=quiet) as bar:
                reference = measure(
                    "Wagtail database search",
                    wagtail_reference.searcher(),
                    mix,
                    wagtail_runs,
                    warm_up=False,
                    memory=False,
                    progress=bar,
                )
            builds[reference.name] = wagtail_build
            reference.note = "words, province and date sort only; other filters not expressible"
            rows.append(reference)

        wagtail_runs = None if no_wagtail else wagtail_runs
        steps = {
            "schema (migrate)": f"{schema_seconds:.1f} s",
            "data generation": f"{generation_seconds:.1f} s",
            **{f"index build ({engine})": f"{seconds:.1f} s" for engine, seconds in builds.items()},
        }
        if held_columns is not None:
            seconds, size = held_columns
            steps["facet columns, loaded once per process"] = f"{seconds:.1f} s, {_mib(size)} MiB"
        self.report(database, counts, steps, rows, mix, runs, wagtail_runs)

    def report(self, database, counts, steps, rows, mix, runs, wagtail_runs):
        out = self.stdout.write
        out("")
        out(
            f"Search benchmark: {counts['products']:,} products, {counts['enterprises']:,} enterprises, "
            f"{counts['certificates']:,} OCOP certificates, {counts['lots']:,} lots; "
            f"SQLite {connection.Database.sqlite_version} at {database}"
        )
        reference = "skipped" if wagtail_runs is None else f"{wagtail_runs} run(s), no warm-up"
        out(
            f"{len(mix)} queries with facets x {runs} runs (after one warm-up pass); "
            f"Wagtail reference: {reference}"
        )
        for step, figure in steps.items():
            out(f"{step:<44}{figure:>9}")
        out("")
        out(
            f"{'engine':<36}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
            f"{'SQL queries per search':>24}{'peak memory MiB':>17}"
        )
        for figures in rows:
            out(
                f"{figures.name:<36}{figures.percentile(50):>9.1f}{figures.percentile(95):>9.1f}"
                f"{figures.percentile(99):>9.1f}{_range(figures.queries):>24}"
                f"{_mib(figures.peak_bytes):>17}"
            )
            if figures.note:
                out(f"  ({figures.note})")
        out(f"process peak memory (max RSS): {max_rss_mib():.0f} MiB")
        out("")
        out(f"{'query (hits, median ms)':<32}" + "".join(f"{f.name[:30]:>32}" for f in rows))
        for label, _query in mix:
            cells = "".join(
                f"{f.hits[label]:>14,} hits {_median(f.per_query_ms[label]):>9.1f} ms" for f in rows
            )
            out(f"{label[:31]:<32}{cells}")


def _facet_columns(backend):
    """(seconds, bytes) of loading the columns a process counts facets over, or None without them."""
    if not getattr(backend, "facets_in_memory", False):
        return None
    started = time.perf_counter()
    held = columns.load(current_version())
    return time.perf_counter() - started, held.nbytes


def _total(query):
    return search_products(query).total


def _mib(size):
    return f"{size / 2**20:.1f}" if size else "not measured"


def _range(values):
    low, high = min(values), max(values)
    return f"{low}" if low == high else f"{low}-{high}"


def _median(values):
    ordered = sorted(values)
    return ordered[len(ordered) // 2]
