"""The Elasticsearch backend leaves a hidden listing out: its document says it is not browsable, an update
deletes it from the index, every query asks for browsable documents only, and a rebuild skips it."""

import pytest
from oscar.core.loading import get_model

from catalogue import moderation
from catalogue.models import HidingReason
from search.backends.elasticsearch import ElasticsearchBackend
from search.documents import build_document
from search.elastic.queries import search_body
from search.query import ProductQuery
from tests.search.fake_elasticsearch import FakeCluster, bulk_actions

from .conftest import REASON

Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.django_db

ALIAS = "cho-ocop-test-products"
BROWSABLE = {"term": {"browsable": True}}


def loaded(product):
    return Product.objects.base_queryset().prefetch_related("categories").get(pk=product.pk)


def test_a_hidden_listings_document_is_not_browsable(listing, reviewer):
    assert build_document(loaded(listing)).browsable
    moderation.hide(listing, HidingReason.PROHIBITED_GOODS, REASON, by=reviewer)
    assert not build_document(loaded(listing)).browsable


def test_an_update_deletes_a_hidden_listing_and_indexes_it_again_once_restored(listing, reviewer):
    cluster = FakeCluster()
    backend = ElasticsearchBackend(client=cluster.client(), alias=ALIAS, wait_for_refresh=False)
    moderation.hide(listing, HidingReason.PROHIBITED_GOODS, REASON, by=reviewer)
    backend.update([listing.pk])
    moderation.restore(listing, by=reviewer)
    backend.update([listing.pk])
    hidden, restored = (bulk_actions(request) for request in cluster.requests)
    assert hidden == [("delete", ALIAS, listing.pk, None)]
    ((op, index, pk, _source),) = restored
    assert (op, index, pk) == ("index", ALIAS, listing.pk)


def test_every_query_asks_for_browsable_documents_only():
    for query in (ProductQuery(), ProductQuery(text="mật ong"), ProductQuery(enterprise_ids=(1,))):
        assert BROWSABLE in search_body(query)["query"]["bool"]["filter"]


def test_a_rebuild_starts_from_listed_products_only(listing, reviewer):
    moderation.hide(listing, HidingReason.PROHIBITED_GOODS, REASON, by=reviewer)
    assert listing.pk not in set(Product.objects.browsable().values_list("pk", flat=True))
