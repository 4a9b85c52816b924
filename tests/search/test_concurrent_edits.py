"""Staff editing one product at the same moment: the index ends up as the last committed edit.

Real threads, each with its own database connection, save the same product
again and again (a new title, hidden or shown) and commit; each commit updates
the index after it, as in production (the task runs in the thread that
committed). However the updates interleave, none fails, none deadlocks, and the
product's record is what indexing its final committed state gives, or absent
when that state hides it. Concurrent index writers only exist on PostgreSQL
(SQLite runs one writing transaction at a time), so these run there (CI runs
the suite on PostgreSQL too); on any database, writing a product that has a
record meanwhile overwrites it.
"""

import logging
import threading

import pytest
from django.db import connection, connections, transaction
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.jobs.models import OutboxTask
from search.backends import get_backend
from search.backends.database import records
from search.models import ProductRecord, ProductText, RecordCategory, RecordEnterprise

Product = get_model("catalogue", "Product")

# Threads commit for real, each on its own connection.
committing = pytest.mark.django_db(transaction=True, serialized_rollback=True)
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrent index writers need PostgreSQL (SQLite serialises writing transactions); "
    "CI runs this on PostgreSQL",
)

EDITORS = 8
EDITS_EACH = 6


@pytest.fixture
def product(db):
    """A product the index lists, as every demo product on sale is."""
    product = Product.objects.browsable().order_by("pk").first()
    assert ProductRecord.objects.filter(pk=product.pk).exists()
    return product


def edit_at_once(product, last_edit_shows):
    """Every editor saves the product EDITS_EACH times, all starting together; returns what went wrong.

    Edits alternate hidden and shown; each editor's last edit shows the product
    with its own title, or hides it, as ``last_edit_shows`` says.
    """
    start = threading.Barrier(EDITORS)
    failures = []

    def editor(number):
        try:
            start.wait(timeout=30)
            for edit in range(EDITS_EACH):
                last = edit == EDITS_EACH - 1
                with transaction.atomic():
                    edited = Product.objects.select_for_update().get(pk=product.pk)
                    edited.title = f"Mật ong rừng U Minh, người {number} lần {edit}"
                    edited.is_public = last_edit_shows if last else edit % 2 == 0
                    edited.save()
        except Exception as error:  # reported by the assertion of the test
            failures.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=editor, args=(number,)) for number in range(EDITORS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "an editor is still waiting: a deadlock"
    return failures


def index_rows(pk):
    """Everything the index holds for one product."""
    return (
        list(ProductRecord.objects.filter(pk=pk).values_list()),
        list(
            ProductText.objects.filter(pk=pk).values_list(
                "record", "title_folded", "title_words", "text_folded"
            )
        ),
        sorted(RecordCategory.objects.filter(record=pk).values_list("category", flat=True)),
        sorted(RecordEnterprise.objects.filter(record=pk).values_list("enterprise", flat=True)),
    )


def indexed_afresh(pk):
    """The rows indexing the product as now committed gives (what a rebuild would write)."""
    ProductRecord.objects.filter(pk=pk).delete()
    get_backend().update([pk])
    return index_rows(pk)


def errors_logged(caplog):
    return [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]


@on_postgresql
@committing
def test_the_index_shows_the_last_committed_edit(product, caplog):
    failures = edit_at_once(product, last_edit_shows=True)

    assert failures == []
    assert errors_logged(caplog) == []
    assert not OutboxTask.objects.filter(state=OutboxTask.State.FAILED).exists()
    final = Product.objects.get(pk=product.pk)
    indexed = index_rows(product.pk)
    assert indexed[0] and indexed[0][0][1] == final.title  # listed under the title it was last given
    assert indexed == indexed_afresh(product.pk)


@on_postgresql
@committing
def test_a_product_its_last_edit_hid_is_not_in_the_index(product, caplog):
    failures = edit_at_once(product, last_edit_shows=False)

    assert failures == []
    assert errors_logged(caplog) == []
    assert not OutboxTask.objects.filter(state=OutboxTask.State.FAILED).exists()
    assert not Product.objects.get(pk=product.pk).is_public
    assert index_rows(product.pk) == ([], [], [], [])


@pytest.mark.django_db
def test_writing_a_product_indexed_meanwhile_overwrites_its_record(product):
    """An update that found no record writes after another one wrote it: its rows, no duplicate key."""
    Product.objects.filter(pk=product.pk).update(title="Trà thử nghiệm Quỳnh Nhai")
    (document,) = records.documents_for([product.pk], timezone.localdate())

    records.write([records.IndexRows.of(document)])

    assert ProductRecord.objects.get(pk=product.pk).title == "Trà thử nghiệm Quỳnh Nhai"
    assert [s.title for s in get_backend().suggest("tra thu nghiem quynh")] == ["Trà thử nghiệm Quỳnh Nhai"]
    assert index_rows(product.pk) == indexed_afresh(product.pk)
