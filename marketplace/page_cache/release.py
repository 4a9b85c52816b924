"""Which release rendered a cached page: a new one never serves the pages of the one before.

Cached pages live in Redis across deploys. A release that changes a template or the code
producing a page must not serve what the previous one rendered until the next content change.
``PAGE_CACHE_RELEASE`` names the release when the deployment knows it (a tag, a commit); else
the release is told by a digest of the project's code, templates, translations, scripts and
styles (a page names its static files by their content's hash) and of the pinned dependencies,
taken once per process.
"""

import hashlib
from functools import cache
from pathlib import Path

from django.conf import settings

SOURCES = ("*.py", "*.html", "*.mo", "*.css", "*.js")  # static names in a page carry their content hash
SKIPPED = {".venv", "tests", "var", "node_modules", "media", "staticfiles", ".git"}
APPS = ("marketplace", "catalogue", "vendors", "cms", "search", "places")
PINS = "requirements.txt"  # Oscar's and Wagtail's templates change with their versions


@cache
def release():
    return settings.PAGE_CACHE_RELEASE or source_digest(Path(settings.BASE_DIR))


def source_digest(root):
    """A short digest of the project's own source files, names and contents, in a stable order."""
    digest = hashlib.sha1(usedforsecurity=False)
    for path in sorted(_sources(root)):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _sources(root):
    if (root / PINS).is_file():
        yield root / PINS
    for app in APPS:
        for pattern in SOURCES:
            for path in (root / app).rglob(pattern):
                if not SKIPPED.intersection(path.relative_to(root).parts):
                    yield path
