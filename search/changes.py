"""Products changed since a point in the index's change log, for a rebuild to replay.

Every Elasticsearch update logs the products it names (:class:`search.models.IndexChange`,
the log the database backend keeps for its facet columns, through
:func:`~search.backends.database.cache.change_index_version`) in a transaction
of its own, before writing them. Revisions commit in order (the version row
is locked until the commit), so reading the current revision, then the
changes up to it, misses none.
"""

from search.models import IndexChange, IndexVersion


class ChangesLost(Exception):
    """The log was pruned past the point a rebuild started from: some edits can no longer be replayed."""


class ChangeLog:
    """The products logged since the revision it was opened at, a batch at a time."""

    def __init__(self, revision: int):
        self.revision = revision

    @classmethod
    def from_now(cls) -> "ChangeLog":
        """Opened at the current revision: to be called before the catalogue is read."""
        return cls(_version()[0])

    def new(self) -> set[int]:
        """Products logged since the previous call, or since opening; moves past them."""
        revision, pruned_through = _version()
        if pruned_through > self.revision:
            raise ChangesLost(
                f"changes after revision {self.revision} were pruned (through {pruned_through}): run again"
            )
        if revision <= self.revision:
            return set()
        logged = IndexChange.objects.filter(revision__gt=self.revision, revision__lte=revision)
        ids = set(logged.values_list("product_id", flat=True))
        self.revision = revision
        return ids


def _version():
    return IndexVersion.objects.values_list("revision", "pruned_through").first() or (0, 0)
