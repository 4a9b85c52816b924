"""The benchmark's databases: one per catalogue size, generated once and reused while the recipe holds.

SQLite by default: a file per size in the chosen folder (never a configured database),
migrated from search's cached schema (``search.bench.database``). With ``DATABASE_URL`` set
to PostgreSQL, a database named after the configured one, ``<name>_bench_<size>``, on the same
server: the developer's own data is never touched, and a database of that name that is not
empty and was not made by the benchmark is refused. The recipe (sizes, seed, migrations,
generator) is kept beside the SQLite file, or as the PostgreSQL database's comment.
"""

import hashlib
import io
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connection, connections

from marketplace.demo import bench
from search.backends import get_backend
from search.bench.database import configured_database_files, migrated_database, migrations_fingerprint
from search.bench.database import use_database as use_sqlite

MARK = "cho-ocop page benchmark"
PARCELS = 20_000  # sales over the last 12 months, for the Department's console


class RefusedDatabase(Exception):
    """A database the benchmark will not write to; the message says why."""


@dataclass
class Recipe:
    products: int
    enterprises: int
    seed: int

    def fingerprint(self):
        generator = Path(bench.__file__).read_bytes()
        return {
            "products": self.products,
            "enterprises": min(self.enterprises, self.products),
            "seed": self.seed,
            "migrations": migrations_fingerprint(),
            "generator": hashlib.sha1(generator).hexdigest()[:12],
        }


@dataclass
class BenchDatabase:
    url: str  # DATABASE_URL for the served site
    where: str  # for the report
    counts: dict = field(default_factory=dict)
    steps: dict = field(default_factory=dict)  # step -> seconds, when built now
    reused: bool = False


def prepare(recipe, directory, rebuild=False, progress=None):
    """The database for ``recipe``, built now or reused; the default connection then points at it."""
    if connection.vendor == "postgresql":
        return _prepare_postgresql(recipe, rebuild, progress)
    return _prepare_sqlite(recipe, Path(directory), rebuild, progress)


def fill(recipe, progress=None):
    """Bootstrap (places, home page, categories, groups), generate the catalogue, build the index."""
    steps = {}
    started = time.perf_counter()
    call_command("bootstrap", verbosity=0, stdout=io.StringIO(), stderr=io.StringIO())
    steps["bootstrap"] = time.perf_counter() - started
    started = time.perf_counter()
    if progress is not None:
        progress.reset(total=recipe.products)
        progress.set_description(f"Products ({recipe.products:,})")
    counts = bench.generate(
        recipe.products,
        min(recipe.enterprises, recipe.products),
        seed=recipe.seed,
        progress=progress,
        parcels=PARCELS,
    )
    steps["data generation"] = time.perf_counter() - started
    started = time.perf_counter()
    if progress is not None:
        progress.set_description(f"Index ({recipe.products:,})")
    get_backend().rebuild(progress=progress)
    steps["index build"] = time.perf_counter() - started
    return counts, steps


# SQLite


def sqlite_path(directory, products):
    return (directory / f"cho-ocop-pages-{products}.sqlite3").resolve()


def _prepare_sqlite(recipe, directory, rebuild, progress):
    path = sqlite_path(directory, recipe.products)
    if path in configured_database_files():
        raise RefusedDatabase(f"{path} is a configured database; the benchmark only uses its own files.")
    recipe_file = path.with_suffix(".json")
    wanted = recipe.fingerprint()
    where = f"SQLite {connection.Database.sqlite_version} at {path}"
    if not rebuild and path.exists() and recipe_file.exists():
        kept = json.loads(recipe_file.read_text())
        if kept.get("recipe") == wanted:
            use_sqlite(path)
            return BenchDatabase(f"sqlite:///{path}", where, kept["counts"], reused=True)
    recipe_file.unlink(missing_ok=True)
    started = time.perf_counter()
    migrated_database(path)
    schema = time.perf_counter() - started
    counts, steps = fill(recipe, progress)
    connections[DEFAULT_DB_ALIAS].close()  # checkpoints the WAL into the file
    recipe_file.write_text(json.dumps({"recipe": wanted, "counts": counts}))
    return BenchDatabase(f"sqlite:///{path}", where, counts, {"schema (migrate)": schema, **steps})


# PostgreSQL


def postgresql_name(products):
    return f"{settings.DATABASES[DEFAULT_DB_ALIAS]['NAME']}_bench_{products}"


def postgresql_url(configured_url, name):
    parts = urlsplit(configured_url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def _prepare_postgresql(recipe, rebuild, progress):
    name = postgresql_name(recipe.products)
    configured = settings.DATABASES[DEFAULT_DB_ALIAS]["NAME"]
    if name == configured:
        raise RefusedDatabase(f"{name} is the configured database; the benchmark only uses its own.")
    url = postgresql_url(os.environ["DATABASE_URL"], name)
    wanted = recipe.fingerprint()
    mark = _comment(name)
    if mark is not None and not mark.startswith(MARK):
        _use_postgresql(name)
        tables = connection.introspection.table_names()
        if tables:
            raise RefusedDatabase(
                f"The database {name} holds {len(tables)} tables and was not made by the page benchmark: "
                "it is left alone. Drop or rename it, or point DATABASE_URL at another server."
            )
    _use_postgresql(name)
    where = f"PostgreSQL {connection.pg_version // 10000} database {name}" if mark is not None else ""
    if not rebuild and mark and mark.startswith(MARK + " ") and mark != MARK + " building":
        kept = json.loads(mark.removeprefix(MARK + " "))
        if kept.get("recipe") == wanted:
            return BenchDatabase(url, where, kept["counts"], reused=True)
    _recreate(name)
    _set_comment(name, f"{MARK} building")  # a half-built database stays the bench's own
    _use_postgresql(name)
    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    schema = time.perf_counter() - started
    counts, steps = fill(recipe, progress)
    _set_comment(name, f"{MARK} {json.dumps({'recipe': wanted, 'counts': counts})}")
    where = f"PostgreSQL {connection.pg_version // 10000} database {name}"
    return BenchDatabase(url, where, counts, {"schema (migrate)": schema, **steps})


def _use_postgresql(name):
    connections[DEFAULT_DB_ALIAS].close()
    config = {**connections.settings[DEFAULT_DB_ALIAS], "NAME": name}
    connections.settings[DEFAULT_DB_ALIAS] = config
    settings.DATABASES[DEFAULT_DB_ALIAS] = config
    connections[DEFAULT_DB_ALIAS] = connections.create_connection(DEFAULT_DB_ALIAS)


def _comment(name):
    """The database's comment, "" when it has none, None when there is no such database."""
    with connection._nodb_cursor() as cursor:
        cursor.execute(
            "SELECT coalesce(shobj_description(oid, 'pg_database'), '') FROM pg_database WHERE datname = %s",
            [name],
        )
        row = cursor.fetchone()
    return None if row is None else row[0]


def _recreate(name):
    connections[DEFAULT_DB_ALIAS].close()
    quoted = connection.ops.quote_name(name)
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")
        cursor.execute(f"CREATE DATABASE {quoted}")


def _set_comment(name, text):
    quoted = connection.ops.quote_name(name)
    literal = text.replace("'", "''")
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"COMMENT ON DATABASE {quoted} IS '{literal}'")
