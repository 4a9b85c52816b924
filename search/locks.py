"""One index writer per product at a time, so the last committed edit is the one the index keeps.

Each edit updates the index after it commits, and two updates of one product
can run at once (two workers, two web processes). Each reads the product and
then writes its record: without turns, the update that read first may write
last and put back what a later edit changed (a hidden product listed again),
and both may insert the same record at once. An index writer therefore takes
the products' index locks before it reads them, and keeps them until it has
written: the update that runs last reads what was committed last.

On PostgreSQL these are transaction-level advisory locks: only index writers
take them, so editors never wait for the index, and they are taken in
ascending order, so two writers of overlapping batches cannot deadlock. SQLite
needs none: its writing transactions start one at a time (``IMMEDIATE``), so a
database index update reads after the previous one committed.
"""

from contextlib import contextmanager

from django.db import connection, transaction

# The first key of every index lock (the product's id is the second), kept apart from any
# other use of advisory locks in the database. Any 32-bit number will do; this one is
# "OCOP" in ASCII.
INDEX_LOCKS = 0x4F434F50

_KEYS = 2**31  # pg_advisory_xact_lock(int, int): the second key is a 32-bit integer


def lock_products(product_ids):
    """Wait for, then hold until the current transaction ends, these products' index locks.

    Call it inside a transaction, before reading the products. Held locks are
    taken again at no cost, so a caller may lock a whole batch up front and
    each chunk again.
    """
    if connection.vendor != "postgresql":
        return
    keys = sorted({int(pk) % _KEYS for pk in product_ids})
    if not keys:
        return
    with connection.cursor() as cursor:
        # The function is evaluated row by row after the sort: locks taken in ascending order.
        cursor.execute(
            "SELECT pg_advisory_xact_lock(%s, key) FROM unnest(%s::integer[]) AS key ORDER BY key",
            [INDEX_LOCKS, keys],
        )


@contextmanager
def products_locked(product_ids):
    """A transaction holding these products' index locks, for a writer outside the database.

    The Elasticsearch backend reads the products and sends their documents
    within it. On SQLite it is no transaction at all: one would take the
    database's write lock for as long as the cluster takes to answer.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic():
        lock_products(product_ids)
        yield
