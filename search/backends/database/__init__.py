"""The embedded search backend: the project's own database answers everything.

See :mod:`search.models` for the rows it keeps, :mod:`.fulltext` for the
words, :mod:`.filters` and :mod:`.facets` for the rest.
"""

from .backend import DatabaseBackend

__all__ = ["DatabaseBackend"]
