"""The database backend remembers facet counts and pages until the index changes, and never longer."""

from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from search import indexing, tasks
from search.backends.database import DatabaseBackend
from search.backends.database.cache import forget_answers, index_version
from search.query import Facet, ProductQuery
from vendors.models import EnterpriseStatus

Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db

EVERYTHING = ProductQuery(per_page=100)


@pytest.fixture
def backend(monkeypatch):
    forget_answers()
    chosen = DatabaseBackend()
    monkeypatch.setattr(indexing, "get_backend", lambda: chosen)
    monkeypatch.setattr(tasks, "get_backend", lambda: chosen)  # the worker's index updates
    return chosen


def facet_counts(results):
    return {name: {value.value: value.count for value in values} for name, values in results.facets.items()}


def test_asking_again_reads_only_the_index_version_and_the_cards(backend, django_assert_max_num_queries):
    first = backend.search(ProductQuery(text="mat ong", in_stock=True))
    with django_assert_max_num_queries(1 + 6):  # the version, then the page's products with their facts
        again = backend.search(ProductQuery(text="mat ong", in_stock=True))
    assert [product.pk for product in again.products] == [product.pk for product in first.products]
    assert facet_counts(again) == facet_counts(first)


def counts_places(sql):
    return "GROUP BY" in sql and "commune_code" in sql


def test_places_counted_in_sql_for_the_unfiltered_search_serve_a_search_in_one_province():
    backend = DatabaseBackend(facets_in_memory=False)
    province = backend.search(EVERYTHING).facets[Facet.PROVINCE][0].value
    in_province = ProductQuery(per_page=100, province_codes=(province,))
    forget_answers()
    with CaptureQueriesContext(connection) as alone:
        backend.search(in_province)
    forget_answers()
    backend.search(EVERYTHING)

    with CaptureQueriesContext(connection) as after_everything:
        backend.search(in_province)

    assert any(counts_places(query["sql"]) for query in alone)
    assert not any(counts_places(query["sql"]) for query in after_everything)


def test_a_price_change_shows_at_once_in_counts_and_order(backend, django_capture_on_commit_callbacks):
    before = backend.search(EVERYTHING)
    record = StockRecord.objects.filter(product__in=before.products).order_by("pk").first()
    with django_capture_on_commit_callbacks(execute=True):
        record.price = Decimal(1_000)
        record.save()

    after = backend.search(EVERYTHING)

    cheapest = facet_counts(after)[Facet.PRICE]["-100000"]
    assert cheapest == facet_counts(before)[Facet.PRICE].get("-100000", 0) + 1
    assert backend.search(ProductQuery(per_page=1, sort="price-asc")).products[0].pk == record.product_id


def test_a_suspended_enterprise_is_gone_from_the_very_next_search_before_any_reindex(backend):
    shown = backend.search(EVERYTHING).products
    enterprise = shown[0].stockrecords.all()[0].partner
    enterprise.status = EnterpriseStatus.SUSPENDED
    enterprise.save()  # its products' records are rebuilt only when the transaction commits

    hits = {product.pk for product in backend.search(EVERYTHING).products}

    assert not hits & set(StockRecord.objects.filter(partner=enterprise).values_list("product", flat=True))


def test_what_a_rolled_back_change_showed_is_never_shown_again(backend):
    before = facet_counts(backend.search(EVERYTHING))
    version = index_version()
    with transaction.atomic():
        backend.update(StockRecord.objects.values_list("product", flat=True)[:1])
        StockRecord.objects.update(num_in_stock=0)
        backend.update(StockRecord.objects.values_list("product", flat=True))
        assert facet_counts(backend.search(EVERYTHING))[Facet.IN_STOCK] == {}
        transaction.set_rollback(True)

    assert index_version() == version
    assert facet_counts(backend.search(EVERYTHING)) == before


def test_a_sale_that_leaves_stock_keeps_every_remembered_answer(
    backend, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    before = backend.search(EVERYTHING)
    version = index_version()
    in_stock = StockRecord.objects.filter(product__in=before.products, num_in_stock__gt=2)
    record = in_stock.order_by("pk").first()
    with django_capture_on_commit_callbacks(execute=True):
        record.num_in_stock -= 1
        record.save()

    assert index_version() == version
    with django_assert_max_num_queries(1 + 6):
        assert facet_counts(backend.search(EVERYTHING)) == facet_counts(before)


def test_selling_the_last_unit_changes_the_in_stock_count_at_once(
    backend, django_capture_on_commit_callbacks
):
    before = facet_counts(backend.search(EVERYTHING))[Facet.IN_STOCK]["1"]
    record = StockRecord.objects.filter(num_in_stock__gt=0).order_by("pk").first()
    assert StockRecord.objects.filter(product=record.product_id, num_in_stock__gt=0).count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        record.num_in_stock = record.num_allocated or 0
        record.save()

    assert facet_counts(backend.search(EVERYTHING))[Facet.IN_STOCK]["1"] == before - 1
