"""Rebuilding the index on every core: its chunks of products are independent of each other.

Building a record is mostly Python (badges, folding, URLs), so one process
uses one core however many the machine has. Worker processes are forked
from this one, so they share its settings and code; each opens its own
database connection. They only run where they can see what this process
sees: never inside a transaction (its rows are not committed) nor on an
in-memory SQLite database, and only on systems that can fork.
"""

import multiprocessing
import os

from django.conf import settings
from django.db import connection, connections

PRODUCTS_PER_WORKER = 5_000  # below this, starting a worker costs more than it saves


def worker_count(products):
    """How many processes should share a rebuild of ``products`` products (1: this one alone)."""
    if connection.in_atomic_block or _in_memory() or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    wanted = getattr(settings, "SEARCH_INDEX_WORKERS", 0)
    if wanted:
        return max(1, wanted)
    return max(1, min(os.cpu_count() or 1, products // PRODUCTS_PER_WORKER))


def each_chunk(function, chunks, *args):
    """``(function(chunk, *args), len(chunk))`` for every chunk, in completion order, on every core."""
    workers = worker_count(sum(len(chunk) for chunk in chunks))
    if workers < 2 or len(chunks) < 2:
        for chunk in chunks:
            yield function(chunk, *args), len(chunk)
        return
    connections.close_all()  # a forked child must not share this process's connection
    with multiprocessing.get_context("fork").Pool(min(workers, len(chunks))) as pool:
        yield from pool.imap_unordered(_Task(function, args), chunks)


class _Task:
    """A picklable call of ``function(chunk, *args)`` that also reports the chunk's size."""

    def __init__(self, function, args):
        self.function = function
        self.args = args

    def __call__(self, chunk):
        try:
            return self.function(chunk, *self.args), len(chunk)
        finally:
            connections.close_all()


def _in_memory():
    return connection.vendor == "sqlite" and connection.is_in_memory_db()
