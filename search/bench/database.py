"""A separate SQLite file for the benchmark, so generated data never touches a real database."""

import hashlib
import shutil
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader


def configured_database_files():
    """The files of every database the settings name, which the benchmark must never use."""
    names = [config.get("NAME") for config in settings.DATABASES.values()]
    return {Path(str(name)).resolve() for name in names if name and str(name) != ":memory:"}


def use_database(path):
    """Point the default connection at a SQLite file, for the rest of this process."""
    connections[DEFAULT_DB_ALIAS].close()
    config = {
        **connections.settings[DEFAULT_DB_ALIAS],
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": dict(settings.SQLITE_OPTIONS),
        "CONN_MAX_AGE": 0,
    }
    for key in ("HOST", "PORT", "USER", "PASSWORD"):
        config[key] = ""
    connections.settings[DEFAULT_DB_ALIAS] = config
    settings.DATABASES[DEFAULT_DB_ALIAS] = config
    connections[DEFAULT_DB_ALIAS] = connections.create_connection(DEFAULT_DB_ALIAS)


def remove_database(path):
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def migrated_database(path):
    """A migrated, empty database at ``path``.

    Migrating from scratch takes about a minute here, so the first migrated
    schema is kept in the temporary folder, named after the migrations it
    holds, and copied for later runs; ``migrate`` then only checks it.
    """
    remove_database(path)
    template = Path(tempfile.gettempdir()) / f"cho-ocop-bench-schema-{migrations_fingerprint()}.sqlite3"
    if template.exists():
        shutil.copyfile(template, path)
    use_database(path)
    call_command("migrate", interactive=False, verbosity=0)
    if not template.exists():
        connections[DEFAULT_DB_ALIAS].close()  # checkpoints the WAL into the file
        partial = template.with_suffix(".partial")
        shutil.copyfile(path, partial)
        partial.replace(template)


def migrations_fingerprint():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    digest = hashlib.sha1()
    for key, migration in sorted(loader.disk_migrations.items()):
        source = Path(sys.modules[migration.__module__].__file__)
        digest.update(f"{key}:{source.stat().st_size}:{source.stat().st_mtime_ns}".encode())
    return digest.hexdigest()[:12]
