"""A full rebuild of the Elasticsearch index that interrupts no search and loses no edit.

Searches and index updates use the alias, hence the old index, while the new
one is filled from the catalogue, and an edit committed meanwhile may have
been read before it. Every update logs its products before writing them
(:mod:`search.changes`), so the rebuild reads those products again:

1. the log's position is taken before any product is read;
2. the new index is created for a bulk load (no refresh, no replica) and filled
   a chunk at a time, each chunk followed in the same stream by the products
   logged meanwhile, which so overwrite what was read before their edit;
3. the serving settings are put back, the index refreshed, and the alias moved
   to it in one atomic step;
4. the products logged since the last replay (their updates may have reached
   the old index only) are written to the new one. An edit landing while this
   replay runs may have its own update reach the new index first, and the
   replay's older read overwrite it: so the products it wrote that were logged
   again are written again, until none are. Any other update logged after the
   swap reaches the new index itself;
5. the old index is dropped.

If anything fails before the swap, the new index is dropped and the alias stays.
"""

import logging

from elasticsearch import NotFoundError
from elasticsearch.helpers import streaming_bulk
from oscar.core.loading import get_model

from search.changes import ChangeLog

from .errors import IndexingError, already_deleted
from .indices import concrete_index_name, loading_index, serving_settings

Product = get_model("catalogue", "Product")

logger = logging.getLogger(__name__)

# Seconds one request of a rebuild may take: a bulk load, a refresh or a settings change of a
# large index can outlast the few seconds a shopper's search is given.
REQUEST_TIMEOUT = 120
CATCH_UP_ROUNDS = 10  # replays after the swap before giving up on a product edited without pause


class Rebuild:
    def __init__(self, backend, progress=None, on=None):
        self.backend = backend
        self.client = backend.client.options(request_timeout=REQUEST_TIMEOUT)
        self.alias = backend.alias
        self.index = concrete_index_name(backend.alias)
        self.progress = progress
        self.on = on
        self.changes = None

    def run(self) -> int:
        """Returns how many products the new index holds when it takes over."""
        self.changes = ChangeLog.from_now()
        loading_index(self.index).create(using=self.client)
        try:
            indexed = self._load()
            self.client.indices.put_settings(index=self.index, settings=serving_settings())
            self.client.indices.refresh(index=self.index)
        except BaseException:
            self.client.indices.delete(index=self.index, ignore_unavailable=True)
            raise
        previous = self._move_alias()
        try:
            self._catch_up()
        finally:
            if previous:
                self.client.indices.delete(index=",".join(previous))
        return indexed

    def _load(self) -> int:
        present = set()
        stream = streaming_bulk(
            self.client, self._actions(), chunk_size=self.backend.chunk_size, raise_on_error=False
        )
        for ok, item in stream:
            ((op, answer),) = item.items()
            if ok:
                (present.add if op == "index" else present.discard)(int(answer["_id"]))
            elif not already_deleted(item):
                raise IndexingError([item])
        return len(present)

    def _actions(self):
        """Every browsable product a chunk at a time, each chunk followed by the products edited meanwhile."""
        ids = list(Product.objects.browsable().order_by("pk").values_list("pk", flat=True))
        if self.progress is not None:
            self.progress.reset(total=len(ids))
        size = self.backend.chunk_size
        for start in range(0, len(ids), size):
            chunk = ids[start : start + size]
            # The new index holds nothing yet to delete.
            loaded = self.backend.actions(self.index, chunk, self.on)
            yield from (action for action in loaded if action["_op_type"] == "index")
            if self.progress is not None:
                self.progress.update(len(chunk))
            yield from self.backend.actions(self.index, self.changes.new(), self.on)
        yield from self.backend.actions(self.index, self.changes.new(), self.on)

    def _move_alias(self) -> list[str]:
        """Points the alias at the new index alone; returns the indices it pointed at."""
        try:
            previous = sorted(self.client.indices.get_alias(name=self.alias))
        except NotFoundError:
            previous = []
        self.client.indices.update_aliases(
            actions=[
                *({"remove": {"index": old, "alias": self.alias}} for old in previous),
                {"add": {"index": self.index, "alias": self.alias}},
            ]
        )
        return previous

    def _catch_up(self):
        """Step 4: the updates the old index took just before the swap, and the edits they overtook."""
        ids = self.changes.new()
        for _round in range(CATCH_UP_ROUNDS):
            if not ids:
                return
            errors = self.backend.send(
                self.index, ids, self.on, client=self.client, **self.backend.write_options
            )
            if errors:
                raise IndexingError(errors)
            ids = self.changes.new() & ids
        logger.warning(
            "Edited throughout the rebuild's catch-up, may show an older version until edited: %s", ids
        )
