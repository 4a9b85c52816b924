"""What the Elasticsearch backend asks the cluster, and what it makes of the answers.

Request bodies are pure functions of the query (``search_body``, ``suggest_body``)
and are pinned down exactly; the backend is then run against the real client
whose transport records requests and returns prepared answers (see
``fake_elasticsearch``), so the paths, parameters, bulk actions and alias swap
are checked as a cluster would receive them.
"""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from oscar.core.loading import get_model
from tqdm import tqdm

from places.models import Commune, Province
from search.backends.elasticsearch import ElasticsearchBackend, IndexingError
from search.documents import build_document
from search.elastic.documents import IndexedProduct
from search.elastic.indices import loading_index
from search.elastic.queries import badges_due_body, search_body, suggest_body
from search.query import BadgeKind, Facet, FacetValue, ProductQuery, Sort, Suggestion

from .fake_elasticsearch import FakeCluster, bulk_actions, search_response

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")

ALIAS = "cho-ocop-test-products"
BROWSABLE = {"term": {"browsable": True}}


# --- Request bodies ------------------------------------------------------------------------------


def facet_aggregation(others, counts):
    return {
        "filter": {"bool": {"filter": others}} if others else {"match_all": {}},
        "aggs": {"counts": counts},
    }


def test_a_search_with_words_filters_sort_and_page_asks_exactly_this():
    query = ProductQuery(
        text="NƯỚC  mắm Cửa Tùng",
        category_ids=(12, 3),
        province_codes=("44",),
        min_stars=4,
        badges=(BadgeKind.TRACEABLE, BadgeKind.OCOP),
        price_min=Decimal("100000"),
        price_max=Decimal("200000"),
        in_stock=True,
        sort=Sort.PRICE_ASC,
        page=3,
        per_page=12,
    )
    category = {"terms": {"category_ids": ["12", "3"]}}
    province = {"terms": {"province_code": ["44"]}}
    stars = {"range": {"stars": {"gte": 4}}}
    badges = [{"term": {"badges": "ocop"}}, {"term": {"badges": "traceable"}}]
    price = {"range": {"price": {"gte": 100000, "lte": 200000}}}
    in_stock = {"term": {"in_stock": True}}
    every_filter = [category, province, stars, *badges, price, in_stock]

    def all_but(excluded):
        return [f for f in every_filter if f is not excluded]

    assert search_body(query) == {
        "query": {
            "bool": {
                "must": [
                    {
                        "multi_match": {
                            "query": "nuoc mam cua tung",
                            "type": "cross_fields",
                            "fields": ["title^3", "text_folded"],
                            "operator": "and",
                        }
                    }
                ],
                "should": [
                    # typed with diacritics: the exact accented title words rank first
                    {
                        "match": {
                            "title.accented": {"query": "nước mắm cửa tùng", "operator": "and", "boost": 3}
                        }
                    },
                    {"match_phrase": {"title": {"query": "nuoc mam cua tung", "boost": 2}}},
                    {"term": {"title_folded": {"value": "nuoc mam cua tung", "boost": 4}}},
                ],
                "filter": [BROWSABLE],
            }
        },
        "post_filter": {"bool": {"filter": every_filter}},
        "aggs": {
            "category": facet_aggregation(
                all_but(category), {"terms": {"field": "category_ids", "size": 1000}}
            ),
            "province": facet_aggregation(
                all_but(province), {"terms": {"field": "province_code", "size": 1000}}
            ),
            "commune": facet_aggregation(every_filter, {"terms": {"field": "commune_code", "size": 30}}),
            "stars": facet_aggregation(
                all_but(stars),
                {
                    "range": {
                        "field": "stars",
                        "ranges": [{"key": "3", "from": 3}, {"key": "4", "from": 4}, {"key": "5", "from": 5}],
                    }
                },
            ),
            # Badges combine with AND: their counts keep the badges already chosen.
            "badge": facet_aggregation(every_filter, {"terms": {"field": "badges", "size": 4}}),
            "enterprise": facet_aggregation(every_filter, {"terms": {"field": "enterprise_ids", "size": 30}}),
            "price": facet_aggregation(
                all_but(price),
                {
                    "range": {
                        "field": "price",
                        "ranges": [
                            {"key": "-100000", "to": 100000},
                            {"key": "100000-200000", "from": 100000, "to": 200000},
                            {"key": "200000-500000", "from": 200000, "to": 500000},
                            {"key": "500000-", "from": 500000},
                        ],
                    }
                },
            ),
            "in_stock": facet_aggregation(all_but(in_stock), {"filter": in_stock}),
        },
        "sort": [{"price": {"order": "asc", "missing": "_last"}}, "product_id"],
        "from": 24,
        "size": 12,
        "track_total_hits": True,
        "_source": False,
    }


RECOGNISED_FIRST = [
    {"stars": {"order": "desc"}},
    {"rating": {"order": "desc", "missing": "_last"}},
    {"date_created": {"order": "desc"}},
    "product_id",
]


def test_without_words_or_filters_every_browsable_product_is_counted_most_recognised_first():
    body = search_body(ProductQuery())
    assert body["query"] == {"bool": {"filter": [BROWSABLE]}}
    assert "post_filter" not in body
    assert body["aggs"]["category"] == facet_aggregation(
        [], {"terms": {"field": "category_ids", "size": 1000}}
    )
    assert body["sort"] == ["_score", *RECOGNISED_FIRST]
    assert (body["from"], body["size"]) == (0, 24)


def test_words_typed_without_diacritics_are_not_boosted_as_accented():
    should = search_body(ProductQuery(text="nuoc mam"))["query"]["bool"]["should"]
    assert should == [
        {"match_phrase": {"title": {"query": "nuoc mam", "boost": 2}}},
        {"term": {"title_folded": {"value": "nuoc mam", "boost": 4}}},
    ]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        (Sort.RELEVANCE, ["_score", *RECOGNISED_FIRST]),
        (Sort.NEWEST, [{"date_created": {"order": "desc"}}, {"product_id": {"order": "desc"}}]),
        (Sort.PRICE_ASC, [{"price": {"order": "asc", "missing": "_last"}}, "product_id"]),
        (Sort.PRICE_DESC, [{"price": {"order": "desc", "missing": "_last"}}, "product_id"]),
        (
            Sort.RATING,
            [{"rating": {"order": "desc", "missing": "_last"}}, {"stars": {"order": "desc"}}, "product_id"],
        ),
    ],
)
def test_each_sort_is_the_database_backends_and_ends_on_the_id_so_pages_never_overlap(sort, expected):
    assert search_body(ProductQuery(text="mat ong", sort=sort))["sort"] == expected


def test_a_storefront_and_places_filter_on_keyword_ids_and_codes():
    body = search_body(ProductQuery(enterprise_ids=(5, "2"), commune_codes=("19489", "19471")))
    assert body["post_filter"] == {
        "bool": {
            "filter": [
                {"terms": {"commune_code": ["19471", "19489"]}},
                {"terms": {"enterprise_ids": ["2", "5"]}},
            ]
        }
    }


def test_a_price_range_keeps_both_ends_in_whole_dong():
    body = search_body(ProductQuery(price_min=Decimal("99999.5"), price_max=Decimal("250000.9")))
    assert body["post_filter"] == {"bool": {"filter": [{"range": {"price": {"gte": 100000, "lte": 250000}}}]}}
    assert search_body(ProductQuery(price_max=Decimal(90000)))["post_filter"] == {
        "bool": {"filter": [{"range": {"price": {"lte": 90000}}}]}
    }


def test_pages_beyond_the_result_window_are_never_asked_for():
    body = search_body(ProductQuery(page=10_000, per_page=24))
    assert body["from"] + body["size"] <= 10_000
    assert (body["from"], body["size"]) == (9_984 - 24, 24)


def test_only_words_reach_the_cluster_never_syntax():
    body = search_body(ProductQuery(text='"mật" ong* NEAR -rừng: OR 1=1'))
    (multi_match,) = body["query"]["bool"]["must"]
    assert multi_match["multi_match"]["query"] == "mat ong near rung or 1 1"


def test_punctuation_alone_is_no_words_and_searches_everything():
    assert search_body(ProductQuery(text="*** :-"))["query"] == {"bool": {"filter": [BROWSABLE]}}


def test_suggestions_want_the_typed_words_and_a_title_word_starting_with_the_last():
    assert suggest_body("Mật  ONG r", 8) == {
        "query": {
            "bool": {
                "must": [
                    {"match": {"title": {"query": "mat ong", "operator": "and"}}},
                    {"match": {"suggest": {"query": "r"}}},
                ],
                "should": [{"match_phrase": {"suggest": {"query": "mat ong r"}}}],
                "filter": [BROWSABLE],
            }
        },
        "sort": ["_score", "title_folded"],
        "size": 8,
        "_source": ["title", "url"],
    }


def test_one_word_typed_is_a_prefix():
    query = suggest_body("mậ", 5)["query"]["bool"]
    assert query["must"] == [{"match": {"suggest": {"query": "ma"}}}]


def test_products_whose_badges_may_change_by_a_day_are_found_by_their_date():
    assert badges_due_body(date(2026, 3, 1)) == {
        "query": {"bool": {"filter": [{"range": {"badges_change_on": {"lte": "2026-03-01"}}}]}},
        "_source": False,
    }


# --- The backend against a recording transport ---------------------------------------------------


@pytest.fixture
def cluster():
    return FakeCluster()


@pytest.fixture
def backend(cluster):
    return ElasticsearchBackend(client=cluster.client(), alias=ALIAS, wait_for_refresh=False)


def no_counts():
    aggregations = {}
    for facet in Facet.ALL:
        if facet == Facet.IN_STOCK:
            aggregations[facet] = {"doc_count": 0, "counts": {"doc_count": 0}}
        else:
            aggregations[facet] = {"doc_count": 0, "counts": {"buckets": []}}
    return aggregations


def buckets(**counts):
    return {
        "doc_count": sum(counts.values()),
        "counts": {"buckets": [{"key": k, "doc_count": n} for k, n in counts.items()]},
    }


@pytest.mark.django_db
def test_hits_become_the_pages_products_in_hit_order_with_the_total(cluster, backend):
    first, second, third = Product.objects.browsable().order_by("pk")[:3]
    query = ProductQuery(text="nước mắm", page=2, per_page=3)
    cluster.answer(
        "POST", f"/{ALIAS}/_search", search_response([third.pk, first.pk, second.pk], 7, no_counts())
    )

    results = backend.search(query)

    (request,) = cluster.requests
    assert request.path == f"/{ALIAS}/_search"
    assert request.body == search_body(query)
    assert results.products == [third, first, second]
    assert (results.total, results.page.number, results.paginator.num_pages) == (7, 2, 3)
    assert list(results.page) == [third, first, second]
    assert results.understood == "nuoc mam"


@pytest.mark.django_db
def test_a_product_deleted_since_it_was_indexed_is_left_out(cluster, backend):
    product = Product.objects.browsable().first()
    cluster.answer("POST", f"/{ALIAS}/_search", search_response([987654, product.pk], 2, no_counts()))
    assert backend.search(ProductQuery()).products == [product]


@pytest.mark.django_db
def test_a_page_past_the_end_shows_the_last_page(cluster, backend):
    product = Product.objects.browsable().first()
    cluster.answer("POST", f"/{ALIAS}/_search", search_response([], 30, no_counts()))
    cluster.answer("POST", f"/{ALIAS}/_search", search_response([product.pk], 30, no_counts()))

    results = backend.search(ProductQuery(page=9, per_page=24))

    assert [r.body["from"] for r in cluster.requests] == [8 * 24, 24]
    assert results.page.number == 2
    assert results.products == [product]


@pytest.mark.django_db
def test_no_hits_at_all_is_one_empty_first_page(cluster, backend):
    cluster.answer("POST", f"/{ALIAS}/_search", search_response([], 0, no_counts()))
    results = backend.search(ProductQuery(text="khong co gi", page=4))
    assert len(cluster.requests) == 1
    assert (results.total, results.page.number, results.products) == (0, 1, [])


@pytest.mark.django_db
def test_counts_become_labelled_facet_values_with_the_chosen_ones_marked(cluster, backend):
    honey, tea = Category.objects.order_by("pk")[:2]
    province = Province.objects.get(code="44")
    commune = Commune.objects.filter(province=province).order_by("code").first()
    enterprise = Partner.objects.approved().order_by("pk").first()
    aggregations = {
        Facet.CATEGORY: buckets(**{str(tea.pk): 2, str(honey.pk): 5}),
        Facet.PROVINCE: buckets(**{"44": 7}),
        Facet.COMMUNE: buckets(**{commune.code: 3}),
        Facet.STARS: buckets(**{"3": 4, "4": 2, "5": 0}),
        Facet.BADGE: buckets(**{"traceable": 3, "ocop": 4}),
        Facet.ENTERPRISE: buckets(**{str(enterprise.pk): 7}),
        Facet.PRICE: buckets(**{"-100000": 1, "100000-200000": 6, "200000-500000": 0, "500000-": 0}),
        Facet.IN_STOCK: {"doc_count": 7, "counts": {"doc_count": 6}},
    }
    query = ProductQuery(
        category_ids=(tea.pk,),
        province_codes=("44",),
        min_stars=4,
        badges=(BadgeKind.SPECIALTY,),
        price_min=Decimal(100000),
        price_max=Decimal(200000),
    )
    cluster.answer("POST", f"/{ALIAS}/_search", search_response([], 7, aggregations))

    with translation.override("en"):
        facets = backend.search(query).facets

    assert facets[Facet.CATEGORY] == [
        FacetValue(str(honey.pk), honey.name, 5),
        FacetValue(str(tea.pk), tea.name, 2, selected=True),
    ]
    assert facets[Facet.PROVINCE] == [FacetValue("44", province.name, 7, selected=True)]
    assert facets[Facet.COMMUNE] == [FacetValue(commune.code, commune.name, 3)]
    assert facets[Facet.STARS] == [
        FacetValue("3", "3★ and more", 4),
        FacetValue("4", "4★ and more", 2, selected=True),
    ]
    # In BadgeKind's order; a chosen badge stays offered (to be removed) even when nothing is left.
    assert facets[Facet.BADGE] == [
        FacetValue("ocop", "OCOP certified", 4),
        FacetValue("traceable", "Traceable lot", 3),
        FacetValue("specialty", "Provincial specialty", 0, selected=True),
    ]
    assert facets[Facet.ENTERPRISE] == [FacetValue(str(enterprise.pk), enterprise.name, 7)]
    assert [(v.value, v.count, v.selected) for v in facets[Facet.PRICE]] == [
        ("-100000", 1, False),
        ("100000-200000", 6, True),
    ]
    assert facets[Facet.IN_STOCK] == [FacetValue("1", "In stock", 6)]


@pytest.mark.django_db
def test_a_page_costs_the_same_queries_whatever_the_number_of_hits_and_facet_values(cluster, backend):
    def queries_for(products, categories, enterprises):
        aggregations = no_counts()
        aggregations[Facet.CATEGORY] = buckets(**{str(c.pk): 1 for c in categories})
        aggregations[Facet.ENTERPRISE] = buckets(**{str(p.pk): 1 for p in enterprises})
        cluster.answer(
            "POST", f"/{ALIAS}/_search", search_response([p.pk for p in products], 48, aggregations)
        )
        with CaptureQueriesContext(connection) as queries:
            backend.search(ProductQuery())
        return len(queries)

    few = queries_for(Product.objects.browsable()[:1], Category.objects.all()[:1], Partner.objects.all()[:1])
    many = queries_for(Product.objects.browsable()[:24], Category.objects.all(), Partner.objects.all())
    # The page's products with their prefetches (fewer when a relation is empty for every
    # product), then one query for category names and one for enterprise names.
    assert few <= many <= 12


def test_suggestions_are_read_from_the_index_without_the_database(cluster, backend):
    sources = [
        {"title": "Mật ong rừng U Minh", "url": "/catalogue/mat-ong-rung_4/"},
        {"title": "Ong mật sữa chúa", "url": "/catalogue/ong-mat_9/"},
    ]
    cluster.answer("POST", f"/{ALIAS}/_search", search_response([4, 9], sources=sources))

    suggestions = backend.suggest("mat o", limit=5)

    assert [r.body for r in cluster.requests] == [suggest_body("mat o", 5)]
    assert suggestions == [
        Suggestion("Mật ong rừng U Minh", "/catalogue/mat-ong-rung_4/"),
        Suggestion("Ong mật sữa chúa", "/catalogue/ong-mat_9/"),
    ]


def test_nothing_typed_asks_nothing(cluster, backend):
    assert backend.suggest("   ") == []
    assert backend.suggest("") == []
    assert backend.suggest("?!*") == []
    assert backend.suggest("mat", limit=0) == []
    assert cluster.requests == []


# --- Keeping the index in step -----------------------------------------------------------------


def indexed(product):
    return IndexedProduct.from_document(build_document(product)).to_dict()


def serialised(source):
    """A source as it reaches the cluster (dates as ISO strings)."""
    return {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in source.items()}


@pytest.mark.django_db
def test_an_update_indexes_browsable_products_and_deletes_the_others(cluster, backend):
    browsable, hidden = Product.objects.browsable().order_by("pk")[:2]
    hidden.is_public = False
    hidden.save()

    backend.update([browsable.pk, str(hidden.pk), 987654])

    (request,) = cluster.requests
    assert (request.method, request.path) == ("PUT", "/_bulk")
    assert request.params == {"require_alias": "true"}
    assert sorted(bulk_actions(request), key=lambda a: a[2]) == sorted(
        [
            ("index", ALIAS, browsable.pk, serialised(indexed(browsable))),
            ("delete", ALIAS, hidden.pk, None),
            ("delete", ALIAS, 987654, None),
        ],
        key=lambda a: a[2],
    )


@pytest.mark.django_db
def test_tests_wait_for_their_updates_to_be_searchable(cluster):
    backend = ElasticsearchBackend(client=cluster.client(), alias=ALIAS, wait_for_refresh=True)
    backend.update([Product.objects.browsable().first().pk])
    (request,) = cluster.requests
    assert request.params == {"require_alias": "true", "refresh": "wait_for"}


@pytest.mark.django_db
def test_badges_are_those_of_the_day_asked_for(cluster, backend):
    today = timezone.localdate()
    certified = next(
        product
        for product in Product.objects.browsable().base_queryset().prefetch_related("categories")
        if build_document(product, today).stars
    )
    expiry = build_document(certified, today).badges_change_on

    backend.update([certified.pk])
    backend.update([certified.pk], on=expiry)

    (_op, _index, _pk, before), (_op, _index, _pk, after) = [bulk_actions(r)[0] for r in cluster.requests]
    assert before["stars"] >= 3 and BadgeKind.OCOP in before["badges"]
    assert before["badges_change_on"] == expiry.isoformat()
    assert after["stars"] == 0 and BadgeKind.OCOP not in after.get("badges", [])


@pytest.mark.django_db
def test_the_daily_refresh_reindexes_the_products_whose_badges_change_that_day(cluster, backend):
    first, second = Product.objects.browsable().order_by("pk")[:2]
    shards = {"total": 1, "successful": 1, "skipped": 0, "failed": 0}
    due = search_response([first.pk, second.pk])
    cluster.answer("POST", f"/{ALIAS}/_search", {**due, "_scroll_id": "due-1", "_shards": shards})
    cluster.answer(
        "POST", "/_search/scroll", {**search_response([]), "_scroll_id": "due-1", "_shards": shards}
    )

    refreshed = backend.refresh_badges(on=date(2026, 3, 1))

    find, _more, _clear, write = cluster.requests
    assert (find.params, find.body) == (
        {"scroll": "5m"},
        {**badges_due_body(date(2026, 3, 1)), "sort": "_doc", "size": 1000},
    )
    assert sorted(pk for _op, _index, pk, _source in bulk_actions(write)) == sorted([first.pk, second.pk])
    assert refreshed == 2


def test_nothing_to_update_sends_nothing(cluster, backend):
    backend.update([])
    assert cluster.requests == []


def bulk_answer(*items):
    return {"took": 1, "errors": True, "items": list(items)}


@pytest.mark.django_db
def test_deleting_what_the_index_never_had_is_no_error(cluster, backend):
    cluster.answer(
        "PUT",
        "/_bulk",
        bulk_answer({"delete": {"_index": ALIAS, "_id": "987654", "status": 404, "result": "not_found"}}),
    )
    backend.update([987654])


@pytest.mark.django_db
def test_before_the_first_rebuild_updates_are_skipped_with_a_warning(cluster, backend, caplog):
    product = Product.objects.browsable().first()
    missing = {"type": "index_not_found_exception", "reason": f"no such index [{ALIAS}]"}
    cluster.answer(
        "PUT",
        "/_bulk",
        bulk_answer({"index": {"_index": ALIAS, "_id": str(product.pk), "status": 404, "error": missing}}),
    )
    backend.update([product.pk])
    assert "search_index --rebuild" in caplog.text


@pytest.mark.django_db
def test_a_refused_document_is_an_error(cluster, backend):
    product = Product.objects.browsable().first()
    refused = {"type": "document_parsing_exception", "reason": "strict mapping"}
    cluster.answer(
        "PUT",
        "/_bulk",
        bulk_answer({"index": {"_index": ALIAS, "_id": str(product.pk), "status": 400, "error": refused}}),
    )
    with pytest.raises(IndexingError):
        backend.update([product.pk])


@pytest.mark.django_db
def test_a_rebuild_fills_a_new_index_then_swaps_the_alias_and_drops_the_old_index(cluster, backend):
    cluster.answer("GET", f"/_alias/{ALIAS}", {f"{ALIAS}-20250101t000000000000": {"aliases": {ALIAS: {}}}})
    backend.chunk_size = 20
    progress = tqdm(file=io.StringIO())

    count = backend.rebuild(progress=progress)

    create, *bulks, serving, refresh, get_alias, swap, drop = cluster.requests
    new_index = create.path.lstrip("/")
    assert create.method == "PUT" and new_index.startswith(f"{ALIAS}-")
    assert create.body == loading_index(new_index).to_dict()  # see test_elasticsearch_rebuild
    assert (serving.method, serving.path) == ("PUT", f"/{new_index}/_settings")
    browsable = set(Product.objects.browsable().values_list("pk", flat=True))
    sent = [action for request in bulks for action in bulk_actions(request)]
    assert {(op, index) for op, index, _pk, _source in sent} == {("index", new_index)}
    assert sorted(pk for _op, _index, pk, _source in sent) == sorted(browsable)
    assert count == len(browsable)
    assert len(bulks) == -(-len(browsable) // 20)
    assert (refresh.method, refresh.path) == ("POST", f"/{new_index}/_refresh")
    assert (get_alias.method, get_alias.path) == ("GET", f"/_alias/{ALIAS}")
    assert (swap.method, swap.path) == ("POST", "/_aliases")
    assert swap.body == {
        "actions": [
            {"remove": {"index": f"{ALIAS}-20250101t000000000000", "alias": ALIAS}},
            {"add": {"index": new_index, "alias": ALIAS}},
        ]
    }
    assert (drop.method, drop.path) == ("DELETE", f"/{ALIAS}-20250101t000000000000")
    assert progress.n == progress.total == len(browsable)


@pytest.mark.django_db
def test_the_first_rebuild_creates_the_alias(cluster, backend):
    cluster.answer(
        "GET", f"/_alias/{ALIAS}", {"error": f"alias [{ALIAS}] missing", "status": 404}, status=404
    )

    backend.rebuild()

    swap = cluster.requests_to("POST", "/_aliases")[0]
    new_index = cluster.requests[0].path.lstrip("/")
    assert swap.body == {"actions": [{"add": {"index": new_index, "alias": ALIAS}}]}
    assert cluster.requests[-1] == swap  # nothing to delete


@pytest.mark.django_db
def test_a_failed_rebuild_drops_its_half_built_index_and_leaves_the_alias_alone(cluster, backend):
    refused = {"type": "document_parsing_exception", "reason": "strict mapping"}
    product = Product.objects.browsable().order_by("pk").first()
    cluster.answer(
        "PUT",
        "/_bulk",
        bulk_answer({"index": {"_index": "x", "_id": str(product.pk), "status": 400, "error": refused}}),
    )

    with pytest.raises(Exception, match="document"):
        backend.rebuild()

    new_index = cluster.requests[0].path.lstrip("/")
    assert (cluster.requests[-1].method, cluster.requests[-1].path) == ("DELETE", f"/{new_index}")
    assert cluster.requests_to("POST", "/_aliases") == []


def test_chosen_communes_and_enterprises_are_counted_by_name_beside_the_largest():
    query = ProductQuery(enterprise_ids=(5, "2"), commune_codes=("19489",), province_codes=("44",))
    body = search_body(query)
    assert body["aggs"][Facet.COMMUNE]["aggs"]["chosen"] == {
        "terms": {"field": "commune_code", "include": ["19489"], "size": 1}
    }
    assert body["aggs"][Facet.ENTERPRISE]["aggs"]["chosen"] == {
        "terms": {"field": "enterprise_ids", "include": ["2", "5"], "size": 2}
    }
    assert "chosen" not in body["aggs"][Facet.PROVINCE]["aggs"]  # every province is counted anyway
    assert "chosen" not in search_body(ProductQuery())["aggs"][Facet.COMMUNE]["aggs"]


@pytest.mark.django_db
def test_a_chosen_commune_outside_the_largest_keeps_its_own_count(cluster, backend):
    communes = list(Commune.objects.filter(province__code="44").order_by("code")[:2])
    largest, chosen = communes
    aggregations = no_counts()
    aggregations[Facet.COMMUNE] = buckets(**{largest.code: 40})
    aggregations[Facet.COMMUNE]["chosen"] = {"buckets": [{"key": chosen.code, "doc_count": 3}]}
    cluster.answer("POST", f"/{ALIAS}/_search", search_response([], 3, aggregations))

    facets = backend.search(ProductQuery(commune_codes=(chosen.code,))).facets

    assert facets[Facet.COMMUNE] == [
        FacetValue(largest.code, largest.name, 40),
        FacetValue(chosen.code, chosen.name, 3, selected=True),
    ]
