"""Product search fails safe: with the cluster down, shoppers' pages never answer 500.

The cluster is "down" as production would find it: ``ELASTICSEARCH_URL`` names
a closed local port, so the real client's connections are refused, retried and
given up. Pages then answer from the database index when a rebuild has filled
it (the demo's is), else with a short "search is briefly unavailable" page
(503, ``Retry-After``); autocomplete with an empty list and 503. The cluster is
asked again once every cool-down, not by every request, and an outage is
logged when it starts and when it ends.
"""

import logging
import os

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from elastic_transport import ConnectionError, ConnectionTimeout
from elasticsearch import ApiError, BadRequestError
from oscar.core.loading import get_model

from search import failover
from search.backends import get_backend
from search.backends.database import DatabaseBackend
from search.backends.elasticsearch import ElasticsearchBackend
from search.elastic import client as elastic_client
from search.elastic.client import client_options
from search.failover import SearchUnavailable, answer, is_outage
from search.models import ProductRecord
from search.outage import COOL_DOWN, Outage
from search.query import ProductQuery
from search.services import search_products

from .fake_elasticsearch import FakeCluster, search_response

Product = get_model("catalogue", "Product")
Partner = get_model("partner", "Partner")
Category = get_model("catalogue", "Category")

DOWN = "http://127.0.0.1:9"  # a closed local port: every connection is refused at once
ALIAS = "cho-ocop-test-products"
CATALOGUE = reverse("catalogue:index")
SEARCH = reverse("search:search")
SUGGEST = reverse("search:suggest")


@pytest.fixture
def outage(monkeypatch):
    """This process's view of the cluster, fresh for each test and put back after it."""
    fresh = Outage()
    monkeypatch.setattr(failover, "outage", fresh)
    return fresh


@pytest.fixture
def cluster_down(db, settings, outage):
    settings.ELASTICSEARCH_URL = DOWN
    get_backend.cache_clear()
    yield outage
    get_backend.cache_clear()


@pytest.fixture
def no_database_index(db):
    """As with Elasticsearch configured: the database backend's search tables are empty."""
    ProductRecord.objects.all().delete()


def storefront():
    enterprise = (
        Partner.objects.approved().filter(stockrecords__product__is_public=True).order_by("pk").first()
    )
    return reverse("enterprises:detail", kwargs={"slug": enterprise.slug})


def a_category():
    return Category.objects.filter(depth=1, is_public=True).order_by("path").first().get_absolute_url()


def a_word():
    title = Product.objects.browsable().order_by("pk").values_list("title", flat=True).first()
    return next(word for word in title.split() if len(word) > 3)


# --- The client: a bounded wait ------------------------------------------------------------------


def test_the_cluster_client_is_made_with_the_configured_timeout_and_retries(settings, monkeypatch):
    settings.ELASTICSEARCH_URL = "http://search.example:9200"
    settings.ELASTICSEARCH_TIMEOUT = 2.5
    settings.ELASTICSEARCH_MAX_RETRIES = 4
    made = []
    monkeypatch.setattr(elastic_client, "Elasticsearch", lambda *args, **kwargs: made.append((args, kwargs)))

    ElasticsearchBackend(alias=ALIAS)

    assert made == [
        (
            ("http://search.example:9200",),
            {"request_timeout": 2.5, "max_retries": 4, "retry_on_timeout": True},
        )
    ]


@pytest.mark.skipif(
    bool(os.environ.get("ELASTICSEARCH_TIMEOUT") or os.environ.get("ELASTICSEARCH_MAX_RETRIES")),
    reason="the environment sets the options",
)
def test_by_default_a_request_waits_5_seconds_and_is_tried_twice_more():
    assert client_options() == {"request_timeout": 5.0, "max_retries": 2, "retry_on_timeout": True}


def test_a_timed_out_search_is_tried_again_each_time_with_the_timeout_then_given_up(settings):
    settings.ELASTICSEARCH_TIMEOUT = 5.0
    settings.ELASTICSEARCH_MAX_RETRIES = 2
    cluster = FakeCluster()
    cluster.unreachable = ConnectionTimeout("timed out")
    backend = ElasticsearchBackend(client=cluster.client(**client_options()), alias=ALIAS)

    with pytest.raises(ConnectionTimeout):
        backend.search(ProductQuery())

    assert [request.timeout for request in cluster.requests] == [5.0, 5.0, 5.0]


# --- With the cluster down, pages answer from the database index ---------------------------------


def test_with_the_cluster_down_the_catalogue_page_answers_from_the_database_index(client, cluster_down):
    response = client.get(CATALOGUE)
    assert response.status_code == 200
    assert response.context["results"].total == Product.objects.browsable().count()
    assert cluster_down.ongoing


def test_with_the_cluster_down_a_search_finds_what_the_database_index_finds(client, cluster_down):
    word = a_word()
    response = client.get(SEARCH, {"q": word})
    assert response.status_code == 200
    expected = DatabaseBackend().search(ProductQuery(text=word))
    assert response.context["results"].total == expected.total > 0


def test_with_the_cluster_down_category_pages_and_storefronts_list_their_products(client, cluster_down):
    for url in (a_category(), storefront()):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.context["results"].total > 0, url


def test_with_the_cluster_down_the_home_page_keeps_its_product_rows(client, cluster_down):
    response = client.get("/")
    assert response.status_code == 200
    assert "product_pod" in response.content.decode()


def test_with_the_cluster_down_autocomplete_suggests_from_the_database_index(client, cluster_down):
    response = client.get(SUGGEST, {"q": a_word()[:3]})
    assert response.status_code == 200
    assert response.json()["suggestions"]


# --- With nothing to answer, a clear 503 ---------------------------------------------------------


SHOPPERS_PAGES = {
    "catalogue": lambda: CATALOGUE,
    "category": a_category,
    "search": lambda: f"{SEARCH}?q=mat+ong",
    "storefront": storefront,
}


@pytest.mark.parametrize("page", SHOPPERS_PAGES)
def test_without_a_database_index_shoppers_pages_say_search_is_briefly_unavailable(
    client, cluster_down, no_database_index, page
):
    response = client.get(SHOPPERS_PAGES[page]())

    assert response.status_code == 503
    assert response["Retry-After"] == str(COOL_DOWN)
    assert "no-store" in response["Cache-Control"]  # no proxy keeps the outage for later visitors
    assert response["Content-Language"] == "vi"  # Vietnamese unless the visitor chose English
    with translation.override("vi"):
        assert gettext("Search is briefly unavailable") in response.content.decode()


def test_without_a_database_index_the_home_page_reads_without_its_product_rows(
    client, cluster_down, no_database_index
):
    response = client.get("/")

    assert response.status_code == 200
    assert '<section class="block-products">' not in response.content.decode()


def test_the_unavailable_page_reads_in_english_for_visitors_who_chose_it(
    client, cluster_down, no_database_index, in_english
):
    response = client.get(CATALOGUE)
    html = response.content.decode()
    assert response.status_code == 503
    assert response["Content-Language"] == "en"
    assert "Search is briefly unavailable" in html
    assert "Product search is briefly unavailable. Please try again in a minute." in html
    assert f'href="{CATALOGUE}">Try again' in html


def test_without_a_database_index_autocomplete_answers_no_suggestions_with_503(
    client, cluster_down, no_database_index
):
    response = client.get(SUGGEST, {"q": "mat o"})
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response.json()["suggestions"] == []
    assert response["Retry-After"] == str(COOL_DOWN)
    assert "public" not in response["Cache-Control"]


def test_pages_that_do_not_search_are_untouched_by_the_outage(client, cluster_down, no_database_index):
    assert client.get(reverse("enterprises:list")).status_code == 200


# --- One warning per outage; the cluster is asked again once per cool-down -----------------------


def test_an_outage_is_logged_once_however_many_pages_ask(client, cluster_down, caplog):
    for _ in range(5):
        assert client.get(CATALOGUE).status_code == 200
        assert client.get(SUGGEST, {"q": "mat o"}).status_code == 200

    warnings = [r for r in caplog.records if r.name == "search.failover" and r.levelno >= logging.WARNING]
    assert len(warnings) == 1
    assert "ConnectionError" in warnings[0].getMessage()
    assert "the database index answers" in warnings[0].getMessage()


def test_503_pages_are_reported_by_one_warning_not_one_error_each(
    client, cluster_down, no_database_index, caplog
):
    for _ in range(5):
        assert client.get(CATALOGUE).status_code == 503

    (warning,) = [
        r for r in caplog.records if r.levelno >= logging.WARNING and r.name.startswith(("search", "django"))
    ]
    assert warning.name == "search.failover"
    assert "search pages answer 503" in warning.getMessage()


class Primary:
    """A backend standing for the cluster: answers, or fails the way it is told to."""

    def __init__(self):
        self.asked = 0
        self.error = None

    def search(self, query):
        self.asked += 1
        if self.error:
            raise self.error
        return "from the cluster"


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(failover, "outage", Outage(clock=clock))
    return clock


@pytest.fixture
def standby(monkeypatch):
    class Standby:
        ready = True

        def is_ready(self):
            return self.ready

        def search(self, query):
            return "from the database index"

    standby = Standby()
    monkeypatch.setattr(failover, "get_standby", lambda: standby)
    return standby


def ask(primary):
    return answer(primary, lambda backend: backend.search(ProductQuery()))


def test_after_a_failure_the_cluster_is_left_alone_until_the_cool_down_is_over(clock, standby):
    primary = Primary()
    primary.error = ConnectionError("refused")

    assert [ask(primary) for _ in range(3)] == ["from the database index"] * 3
    assert primary.asked == 1

    clock.now += COOL_DOWN - 1
    ask(primary)
    assert primary.asked == 1

    clock.now += 1
    assert [ask(primary) for _ in range(3)] == ["from the database index"] * 3
    assert primary.asked == 2  # one request tries again; the others do not wait for it


def test_when_the_cluster_answers_again_pages_use_it_and_the_recovery_is_logged(clock, standby, caplog):
    primary = Primary()
    primary.error = ConnectionError("refused")
    ask(primary)
    primary.error = None
    clock.now += COOL_DOWN

    assert ask(primary) == "from the cluster"
    assert ask(primary) == "from the cluster"

    assert not failover.outage.ongoing
    started, ended = [r.getMessage() for r in caplog.records if r.name == "search.failover"]
    assert started.startswith("Search cluster cannot answer (ConnectionError")
    assert ended == "Search cluster answers again, after 30 s"


def test_an_unready_database_index_makes_search_unavailable(clock, standby):
    primary = Primary()
    primary.error = ConnectionError("refused")
    standby.ready = False
    with pytest.raises(SearchUnavailable):
        ask(primary)


def test_a_request_the_cluster_refuses_as_wrong_is_a_bug_not_an_outage(clock, standby):
    primary = Primary()
    primary.error = cluster_error(400, error_body(400, "parsing_exception"))
    with pytest.raises(BadRequestError):
        ask(primary)
    assert not failover.outage.ongoing


# --- What counts as the cluster being unable to answer -------------------------------------------


def cluster_error(status, body):
    """The error the real client raises for this answer to a search (it is not retried)."""
    cluster = FakeCluster()
    cluster.answer("POST", f"/{ALIAS}/_search", body, status=status)
    backend = ElasticsearchBackend(client=cluster.client(max_retries=0), alias=ALIAS)
    with pytest.raises(ApiError) as raised:
        backend.search(ProductQuery())
    return raised.value


def error_body(status, kind):
    return {"error": {"type": kind, "reason": kind}, "status": status}


@pytest.mark.parametrize(
    "status, kind",
    [
        (503, "no_shard_available_action_exception"),  # a cluster without its nodes
        (500, "search_phase_execution_exception"),
        (429, "es_rejected_execution_exception"),  # overloaded
        (404, "index_not_found_exception"),  # never rebuilt, or the alias deleted
    ],
)
def test_errors_saying_the_cluster_cannot_answer_now_are_outages(status, kind):
    assert is_outage(cluster_error(status, error_body(status, kind)))


@pytest.mark.parametrize(
    "status, kind",
    [(400, "parsing_exception"), (404, "resource_not_found_exception"), (401, "security_exception")],
)
def test_errors_saying_the_request_is_wrong_are_not(status, kind):
    assert not is_outage(cluster_error(status, error_body(status, kind)))


def test_refused_and_timed_out_connections_are_outages():
    assert is_outage(ConnectionError("refused"))
    assert is_outage(ConnectionTimeout("timed out"))
    assert not is_outage(ValueError("a bug"))


@pytest.mark.django_db
def test_a_cluster_answering_503_is_answered_for_by_the_database_index(outage, monkeypatch):
    cluster = FakeCluster()
    for _ in range(3):  # the first try and both retries
        cluster.answer("POST", f"/{ALIAS}/_search", error_body(503, "cluster_block_exception"), status=503)
    backend = ElasticsearchBackend(client=cluster.client(**client_options()), alias=ALIAS)
    monkeypatch.setattr("search.services.get_backend", lambda: backend)

    results = search_products(ProductQuery(per_page=100))

    assert len(cluster.requests) == 3
    assert results.total == Product.objects.browsable().count()


@pytest.mark.django_db
def test_a_healthy_cluster_is_asked_as_before(outage, monkeypatch):
    cluster = FakeCluster()
    first = Product.objects.browsable().order_by("pk").first()
    cluster.answer("POST", f"/{ALIAS}/_search", search_response([first.pk], 1, no_counts()))
    backend = ElasticsearchBackend(client=cluster.client(**client_options()), alias=ALIAS)
    monkeypatch.setattr("search.services.get_backend", lambda: backend)

    assert search_products(ProductQuery()).products == [first]
    assert not outage.ongoing


def no_counts():
    from search.query import Facet

    return {
        facet: {"doc_count": 0, "counts": {"doc_count": 0}}
        if facet == Facet.IN_STOCK
        else {"doc_count": 0, "counts": {"buckets": []}}
        for facet in Facet.ALL
    }
