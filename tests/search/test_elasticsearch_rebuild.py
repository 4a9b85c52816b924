"""A full Elasticsearch rebuild loads its new index fast and loses no edit made while it runs.

The backend runs against the real client with a recording transport
(``fake_elasticsearch``); edits are made while a given request is in flight, as
a shopkeeper's save would land during a rebuild: the catalogue row changes and
the backend's ``update`` runs, as it does once the save commits.
"""

import pytest
from django.db.models import F
from oscar.core.loading import get_model

from search.backends.elasticsearch import ElasticsearchBackend
from search.changes import ChangesLost
from search.models import IndexChange, IndexVersion

from .fake_elasticsearch import FakeCluster, bulk_actions

Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.django_db

ALIAS = "cho-ocop-test-products"
OLD_INDEX = f"{ALIAS}-20250101t000000000000"


@pytest.fixture
def cluster():
    cluster = FakeCluster()
    cluster.answer("GET", f"/_alias/{ALIAS}", {OLD_INDEX: {"aliases": {ALIAS: {}}}})
    return cluster


@pytest.fixture
def backend(cluster):
    backend = ElasticsearchBackend(client=cluster.client(), alias=ALIAS, wait_for_refresh=False)
    backend.chunk_size = 10  # several chunks from the demo catalogue
    return backend


def browsable():
    return list(Product.objects.browsable().order_by("pk"))


def edit(backend, product, **changes):
    """A shopkeeper's save: the row changes, then the index update its commit triggers."""
    Product.objects.filter(pk=product.pk).update(**changes)
    backend.update([product.pk])


def new_index(cluster):
    return cluster.requests[0].path.lstrip("/")


def position(cluster, method, path_suffix):
    (index,) = [
        i for i, r in enumerate(cluster.requests) if r.method == method and r.path.endswith(path_suffix)
    ]
    return index


def writes(cluster, index, pk):
    """(request position, operation, source) of every bulk action for ``pk`` in ``index``, in order."""
    return [
        (i, op, source)
        for i, request in enumerate(cluster.requests)
        if request.path.endswith("/_bulk")
        for op, target, product_id, source in bulk_actions(request)
        if target == index and product_id == pk
    ]


# --- Loading fast, serving as configured ---------------------------------------------------------


def test_the_new_index_is_loaded_without_refreshes_or_replicas_which_come_back_before_the_swap(
    cluster, backend
):
    backend.rebuild()

    create = cluster.requests[0]
    index = new_index(cluster)
    assert (create.method, create.path) == ("PUT", f"/{index}")
    settings = {name: value for name, value in create.body["settings"].items() if name != "analysis"}
    assert settings == {
        "number_of_shards": 1,
        "max_result_window": 10_000,
        "refresh_interval": "-1",
        "number_of_replicas": 0,
    }

    serving = cluster.requests_to("PUT", f"/{index}/_settings")
    assert [request.body for request in serving] == [
        # null: the index default (a refresh each second, none while no search comes)
        {"index": {"refresh_interval": None, "number_of_replicas": 0}}
    ]
    last_bulk = max(i for i, r in enumerate(cluster.requests) if r.path == "/_bulk")
    restored = position(cluster, "PUT", f"/{index}/_settings")
    refreshed = position(cluster, "POST", f"/{index}/_refresh")
    swapped = position(cluster, "POST", "/_aliases")
    assert last_bulk < restored < refreshed < swapped


def test_replicas_come_back_as_many_as_configured(cluster, backend, settings):
    settings.ELASTICSEARCH_REPLICAS = 2
    backend.rebuild()
    (serving,) = cluster.requests_to("PUT", "/_settings")
    assert serving.body == {"index": {"refresh_interval": None, "number_of_replicas": 2}}


def test_a_rebuild_waits_longer_than_a_shoppers_search(cluster, backend):
    backend.rebuild()
    assert {request.timeout for request in cluster.requests} == {120}


def test_a_load_that_fails_drops_the_new_index_before_restoring_anything(cluster, backend):
    cluster.answer(
        "PUT", "/_bulk", {"error": {"type": "es_rejected_execution_exception"}, "status": 400}, 400
    )
    with pytest.raises(Exception, match="es_rejected_execution_exception"):
        backend.rebuild()
    assert (cluster.requests[-1].method, cluster.requests[-1].path) == ("DELETE", f"/{new_index(cluster)}")
    assert cluster.requests_to("PUT", "/_settings") == []
    assert cluster.requests_to("POST", "/_aliases") == []


# --- No edit lost --------------------------------------------------------------------------------


def test_every_update_logs_its_products_before_writing_them(cluster, backend):
    product = browsable()[0]
    logged = []
    cluster.on(
        "PUT",
        "/_bulk",
        lambda request: logged.extend(IndexChange.objects.values_list("product_id", flat=True)),
    )
    backend.update([product.pk])
    assert product.pk in logged


def test_an_edit_made_while_the_index_loads_is_replayed_into_it_before_the_swap(cluster, backend):
    product = browsable()[0]  # in the first chunk, read before the edit
    cluster.on("PUT", "/_bulk", lambda request: edit(backend, product, title="Mật ong rừng U Minh (mới)"))

    backend.rebuild()

    index = new_index(cluster)
    *_, (last_write, op, source) = writes(cluster, index, product.pk)
    assert (op, source["title"]) == ("index", "Mật ong rừng U Minh (mới)")
    assert last_write < position(cluster, "POST", "/_aliases")
    # the edit's own update went to the index searches were using
    assert writes(cluster, ALIAS, product.pk)[-1][2]["title"] == "Mật ong rừng U Minh (mới)"


def test_a_product_withdrawn_while_the_index_loads_is_deleted_from_it_before_the_swap(cluster, backend):
    product = browsable()[0]
    cluster.on("PUT", "/_bulk", lambda request: edit(backend, product, is_public=False))

    count = backend.rebuild()

    *_, (last_write, op, _source) = writes(cluster, new_index(cluster), product.pk)
    assert op == "delete" and last_write < position(cluster, "POST", "/_aliases")
    assert count == len(browsable())


@pytest.mark.parametrize(
    "landing_during",
    [("PUT", "/_settings"), ("POST", "/_refresh"), ("POST", "/_aliases")],
    ids=["restoring settings", "the last refresh", "the swap"],
)
def test_an_edit_landing_after_the_last_replay_reaches_the_new_index_after_the_swap(
    cluster, backend, landing_during
):
    product = browsable()[-1]
    cluster.on(*landing_during, lambda request: edit(backend, product, title="Cà phê Khe Sanh (mới)"))

    backend.rebuild()

    *_, (last_write, op, source) = writes(cluster, new_index(cluster), product.pk)
    assert (op, source["title"]) == ("index", "Cà phê Khe Sanh (mới)")
    assert position(cluster, "POST", "/_aliases") < last_write < position(cluster, "DELETE", OLD_INDEX)


def test_a_product_edited_again_while_the_catch_up_writes_it_is_written_again(cluster, backend):
    product = browsable()[-1]

    def edit_during_the_swap(request):
        edit(backend, product, title="first edit")
        # the catch-up's write of the first edit: the second lands meanwhile, and its own
        # update may reach the new index before the catch-up's older read
        cluster.on("PUT", "/_bulk", lambda request: edit(backend, product, title="second edit"))

    cluster.on("POST", "/_aliases", edit_during_the_swap)

    backend.rebuild()

    after_swap = [
        w
        for w in writes(cluster, new_index(cluster), product.pk)
        if w[0] > position(cluster, "POST", "/_aliases")
    ]
    assert [source["title"] for _i, _op, source in after_swap] == ["first edit", "second edit"]


def test_without_edits_each_product_is_written_once(cluster, backend):
    backend.rebuild()
    index = new_index(cluster)
    for product in browsable():
        assert [op for _i, op, _source in writes(cluster, index, product.pk)] == ["index"]


def test_a_rebuild_whose_log_was_pruned_meanwhile_fails_and_leaves_the_alias_alone(cluster, backend):
    IndexVersion.objects.get_or_create(pk=1, defaults={"token": "t", "revision": 1})

    def prune_past_the_start(request):
        IndexVersion.objects.update(revision=F("revision") + 2000, pruned_through=F("revision") + 1000)

    cluster.on("PUT", "/_bulk", prune_past_the_start)

    with pytest.raises(ChangesLost):
        backend.rebuild()

    assert (cluster.requests[-1].method, cluster.requests[-1].path) == ("DELETE", f"/{new_index(cluster)}")
    assert cluster.requests_to("POST", "/_aliases") == []
