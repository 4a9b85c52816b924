"""A search asked for the first time: a few fixed queries, and the same pages whichever way it counts.

Counting over the columns in memory also hands the page the hits it
counted: ranked by the words within exactly those ids, or sorted in memory
when no words rank them. The SQL way (``SEARCH_FACETS=sql``) filters in the
database; both must give the same page, ties included.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from search.backends.database import DatabaseBackend, backend
from search.backends.database.cache import forget_answers
from search.facets import database_names
from search.query import BadgeKind, Facet, ProductQuery, Sort

Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
Commune = get_model("places", "Commune")

pytestmark = pytest.mark.django_db

in_memory = DatabaseBackend(facets_in_memory=True)
in_sql = DatabaseBackend(facets_in_memory=False)

ALL = 500
# The index version, the withdrawn enterprises, changes since the columns' revision, the ids holding
# the words, the facet labels and the page's ids; the cards' own queries come on top.
SEARCH_QUERIES = 6


def ids(chosen, **query):
    return [product.pk for product in chosen.search(ProductQuery(per_page=ALL, **query)).products]


def queries_before_the_cards(monkeypatch, query):
    """SQL queries of ``query`` asked for the first time, leaving out loading its page's products."""
    monkeypatch.setattr(backend, "products_in_order", lambda page: list(page))
    forget_answers()
    with CaptureQueriesContext(connection) as caught:
        results = in_memory.search(query)
    return len(caught), results.total


def test_a_first_asked_search_costs_the_same_few_queries_however_many_products_match(monkeypatch):
    forget_answers()
    in_memory.search(ProductQuery())  # counted, not remembered: this process holds the columns from here on
    many = queries_before_the_cards(monkeypatch, ProductQuery(text="mat ong"))
    few = queries_before_the_cards(monkeypatch, ProductQuery(text="mat ong", min_stars=4, in_stock=True))
    sorted_in_memory = queries_before_the_cards(
        monkeypatch, ProductQuery(text="tra", in_stock=True, badges=(BadgeKind.TRACEABLE,), sort=Sort.NEWEST)
    )

    assert many[1] > few[1] > 0
    assert many[0] == few[0] == SEARCH_QUERIES
    assert sorted_in_memory[0] == SEARCH_QUERIES - 1  # no query for the page's ids


@pytest.mark.parametrize("sort", sorted(Sort.VALUES))
@pytest.mark.parametrize(
    "filters",
    [
        {"text": "tieu"},
        {"in_stock": True},
        {"text": "nuoc mam", "min_stars": 3},
        {"price_min": 50_000, "price_max": 400_000},
        {"badges": (BadgeKind.TRACEABLE,)},
    ],
    ids=["words", "in stock", "words and stars", "price range", "badge"],
)
def test_a_page_of_counted_hits_comes_in_the_order_the_database_gives(sort, filters):
    from_columns = ids(in_memory, sort=sort, **filters)

    assert from_columns == ids(in_sql, sort=sort, **filters)
    assert len(from_columns) == in_memory.search(ProductQuery(sort=sort, **filters)).total


def test_every_page_of_a_ranked_and_filtered_search_is_cut_from_one_order():
    query = {"text": "mat ong", "in_stock": True, "sort": Sort.RELEVANCE}
    whole = ids(in_memory, **query)
    pages = [
        [product.pk for product in in_memory.search(ProductQuery(per_page=4, page=n, **query)).products]
        for n in range(1, len(whole) // 4 + 2)
    ]

    assert [pk for page in pages for pk in page] == whole == ids(in_sql, **query)


def test_a_new_product_is_sorted_among_the_hits_as_soon_as_the_columns_catch_up(new_product, committed):
    ids(in_memory, text="tra", sort=Sort.NEWEST)  # the columns are held from here on
    with committed():
        product = new_product("Trà sen Tây Hồ ướp tay", stock=2)

    newest = ids(in_memory, text="tra", in_stock=True, sort=Sort.NEWEST)

    assert newest[0] == product.pk
    assert newest == ids(in_sql, text="tra", in_stock=True, sort=Sort.NEWEST)


def test_the_names_of_every_family_shown_come_in_one_query(django_assert_num_queries):
    categories = list(Category.objects.order_by("pk")[:3])
    enterprises = list(Partner.objects.order_by("pk")[:3])
    communes = list(Commune.objects.select_related("province").order_by("code")[:3])
    shown = {facet: [] for facet in Facet.ALL}
    shown[Facet.CATEGORY] = [str(category.pk) for category in categories] + ["not-an-id"]
    shown[Facet.ENTERPRISE] = [str(enterprise.pk) for enterprise in enterprises]
    shown[Facet.COMMUNE] = [commune.code for commune in communes]
    shown[Facet.PROVINCE] = ["44"]

    with django_assert_num_queries(1):
        names = database_names(shown)

    assert names[Facet.CATEGORY] == {str(category.pk): category.name for category in categories}
    assert names[Facet.ENTERPRISE] == {str(enterprise.pk): enterprise.name for enterprise in enterprises}
    assert names[Facet.COMMUNE] == {commune.code: commune.name for commune in communes}
    assert names[Facet.PROVINCE]["44"] == "Tỉnh Quảng Trị"
    assert all(names[Facet.PROVINCE][commune.province.code] == commune.province.name for commune in communes)
