"""A rebuild shared between worker processes writes exactly the records one process would.

Workers are separate processes with their own connections, so they only see
committed rows: the test commits its data (a transactional test) and needs a
database other processes can open, which the in-memory SQLite of the test run
is not. CI runs it on PostgreSQL; the benchmark command's test forks workers
on a SQLite file.
"""

import pytest
from django.db import connection
from oscar.core.loading import get_model

from search.backends.database import DatabaseBackend, records
from search.models import ProductRecord, ProductText, RecordCategory, RecordEnterprise
from search.workers import each_chunk, worker_count

Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def shared_database():
    """Known only once the test database exists: the test run's SQLite is in memory."""
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("worker processes cannot open an in-memory SQLite database; CI runs this on PostgreSQL")


def index_rows():
    return (
        sorted(ProductRecord.objects.values_list()),
        sorted(ProductText.objects.values_list()),
        sorted(RecordCategory.objects.values_list("record", "category")),
        sorted(RecordEnterprise.objects.values_list("record", "enterprise")),
    )


def test_workers_write_the_same_records_as_one_process(settings, monkeypatch):
    backend = DatabaseBackend()
    settings.SEARCH_INDEX_WORKERS = 1
    backend.rebuild()
    alone = index_rows()
    ProductRecord.objects.all().delete()

    settings.SEARCH_INDEX_WORKERS = 2
    monkeypatch.setattr(records, "CHUNK", 7)  # several chunks from the demo's products
    assert worker_count(Product.objects.count()) == 2
    indexed = backend.rebuild()

    assert index_rows() == alone
    assert indexed == len(alone[0]) > 0


def test_a_chunk_failing_in_a_worker_fails_the_rebuild(settings):
    settings.SEARCH_INDEX_WORKERS = 2

    with pytest.raises(ZeroDivisionError):
        list(each_chunk(divide, [[1], [0], [2]]))


def divide(chunk):
    return 1 / chunk[0]
