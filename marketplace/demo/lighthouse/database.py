"""The measured database: the demo province (pictures included) in a SQLite file of its own.

The demo's pictures are what Lighthouse weighs, so the page benchmark's generated catalogue (no
pictures) does not do here. The file is reused while the migrations and the demo's content are
the same; its media folder sits beside it, so the served site finds the pictures the build made.
"""

import hashlib
import io
import json
import shutil
from pathlib import Path

from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django.test import override_settings

from marketplace.demo import builders, content, images
from search.bench.database import configured_database_files, migrated_database, migrations_fingerprint
from search.bench.database import use_database as use_sqlite

from ..pages_bench.database import RefusedDatabase

NAME = "cho-ocop-lighthouse"


def recipe():
    sources = b"".join(Path(module.__file__).read_bytes() for module in (builders, content, images))
    return {"migrations": migrations_fingerprint(), "demo": hashlib.sha1(sources).hexdigest()[:12]}


def media_root(directory):
    return (Path(directory) / f"{NAME}-media").resolve()


def prepare(directory, rebuild=False):
    """``(DATABASE_URL, reused)`` for the demo database in ``directory``; built now unless it fits."""
    directory = Path(directory)
    path = (directory / f"{NAME}.sqlite3").resolve()
    if path in configured_database_files():
        raise RefusedDatabase(f"{path} is a configured database; the measurement only uses its own files.")
    recipe_file = path.with_suffix(".json")
    wanted = recipe()
    fits = not rebuild and path.exists() and recipe_file.exists()
    if fits and json.loads(recipe_file.read_text()) == wanted:
        use_sqlite(path)
        return f"sqlite:///{path}", True
    recipe_file.unlink(missing_ok=True)
    media = media_root(directory)
    shutil.rmtree(media, ignore_errors=True)
    media.mkdir(parents=True)
    migrated_database(path)
    with override_settings(MEDIA_ROOT=str(media)):
        call_command("bootstrap", verbosity=0, stdout=io.StringIO(), stderr=io.StringIO())
        call_command("load_demo", verbosity=1)
    connections[DEFAULT_DB_ALIAS].close()  # checkpoints the WAL into the file
    recipe_file.write_text(json.dumps(wanted))
    return f"sqlite:///{path}", False
