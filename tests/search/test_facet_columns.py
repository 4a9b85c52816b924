"""Facet columns held in memory follow the index by revision, reading again only what changed."""

from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from search.backends.database import DatabaseBackend, cache, columns
from search.backends.database.cache import change_index_version, current_version, forget_answers
from search.models import IndexChange, IndexVersion
from search.query import Facet, ProductQuery

pytestmark = pytest.mark.django_db

in_memory = DatabaseBackend(facets_in_memory=True)
in_sql = DatabaseBackend(facets_in_memory=False)


def counts(backend, **query):
    results = backend.search(ProductQuery(per_page=100, **query))
    return {name: {value.value: value.count for value in values} for name, values in results.facets.items()}


@pytest.fixture
def loads(monkeypatch):
    """Every full load of the columns, as the version each was made at."""
    made = []
    load = columns.load

    def counted(version):
        made.append(version)
        return load(version)

    monkeypatch.setattr(columns, "load", counted)
    return made


@pytest.fixture
def held(loads):
    forget_answers()
    in_memory.search(ProductQuery())
    assert len(loads) == 1
    return loads


def reads_records_of(queries, product):
    return [
        query["sql"]
        for query in queries
        if "search_productrecord" in query["sql"] and f"product_id IN ({product.pk})" in query["sql"]
    ]


def test_a_new_product_is_counted_after_reading_its_record_alone(held, new_product, committed):
    before = counts(in_memory, text="tra")
    with committed():
        product = new_product("Trà shan tuyết cổ thụ Hà Giang", price=Decimal(650_000))

    with CaptureQueriesContext(connection) as caught:
        after = counts(in_memory, text="tra")

    assert len(held) == 1, "caught up without loading every record again"
    assert reads_records_of(caught, product)
    assert after[Facet.PRICE]["500000-"] == before[Facet.PRICE].get("500000-", 0) + 1
    assert after == counts(in_sql, text="tra")


def test_a_product_taken_off_sale_leaves_every_count(held, new_product, committed):
    with committed():
        product = new_product("Mứt gừng Quảng Trị", stock=3)
    listed = counts(in_memory, text="mut gung")
    with committed():
        product.is_public = False
        product.save()

    gone = counts(in_memory, text="mut gung")

    assert listed[Facet.IN_STOCK] == {"1": 1}
    assert gone[Facet.IN_STOCK] == {} and gone[Facet.ENTERPRISE] == {}
    assert gone == counts(in_sql, text="mut gung")
    assert len(held) == 1


def test_filters_and_counts_over_the_columns_equal_those_in_sql(held, new_product, committed):
    with committed():
        new_product("Mật ong bạc hà Đồng Văn", price=Decimal(420_000))
    province = next(iter(counts(in_sql)[Facet.PROVINCE]))
    queries = [
        {"text": "mat ong"},
        {"text": "mat ong", "in_stock": True, "price_min": Decimal(100_000), "price_max": Decimal(420_000)},
        {"province_codes": (province,), "min_stars": 3},
        {"badges": ("ocop",), "sort": "price-asc"},
        {"price_max": Decimal("99999.99")},
    ]
    for query in queries:
        assert counts(in_memory, **query) == counts(in_sql, **query), query


def test_a_process_too_far_behind_loads_everything_again(held, new_product, committed):
    with committed():
        new_product("Bánh đa vừng Kép")
    IndexVersion.objects.update(pruned_through=current_version().revision)  # its change was pruned

    assert counts(in_memory, text="banh da") == counts(in_sql, text="banh da")
    assert len(held) == 2


def test_a_search_that_began_before_a_change_is_answered_from_the_newer_columns(held, new_product, committed):
    began = current_version()
    with committed():
        new_product("Chè lam Thạch Xá")
    newer = columns.columns_at(current_version())

    assert columns.columns_at(began) is newer
    assert len(held) == 1


def test_a_revision_seen_then_rolled_back_is_not_mistaken_for_the_next_one(held, new_product, committed):
    with pytest.raises(RuntimeError), transaction.atomic():
        with committed():
            new_product("Nem chua Thanh Hóa")
        counts(in_memory, text="nem chua")  # the columns now hold a revision that will never commit
        raise RuntimeError

    with committed():
        product = new_product("Nem chua Thanh Hóa")

    assert counts(in_memory, text="nem chua") == counts(in_sql, text="nem chua")
    assert sum(counts(in_memory, text="nem chua")[Facet.ENTERPRISE].values()) == 1
    assert len(held) == 2, "the same revision under another token: loaded again"
    assert product.pk in [hit.pk for hit in in_memory.search(ProductQuery(text="nem chua")).products]


def test_old_changes_are_pruned_and_the_mark_says_how_far(monkeypatch):
    monkeypatch.setattr(cache, "KEPT_REVISIONS", 3)
    monkeypatch.setattr(cache, "PRUNE_EVERY", 2)
    for product_id in range(1, 9):
        change_index_version([product_id])

    revision = current_version().revision
    kept = set(IndexChange.objects.values_list("revision", flat=True))
    pruned_through = IndexVersion.objects.get().pruned_through
    assert pruned_through >= revision - 4 and min(kept) == pruned_through + 1
    assert max(kept) == revision
