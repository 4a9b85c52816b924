"""Product search on an Elasticsearch cluster, chosen when ``ELASTICSEARCH_URL`` is set.

The cluster answers which products match, in what order, and how many per facet
value; the page's products are then loaded from the database in hit order, as
the database backend does, so cards read the same objects whichever backend ran.
Searches go through an alias, so ``rebuild`` fills a new index while the old one
keeps answering, and swaps them in one step (:mod:`search.elastic.rebuild`).
"""

import logging
from dataclasses import replace
from functools import cached_property

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.utils import timezone
from elasticsearch.helpers import bulk, scan
from oscar.core.loading import get_model

from catalogue.card_products import ProductsById

from ..documents import build_documents
from ..elastic.client import connect
from ..elastic.documents import IndexedProduct
from ..elastic.errors import IndexingError, already_deleted, missing_alias
from ..elastic.facets import counts_from_aggregations
from ..elastic.indices import products_alias
from ..elastic.queries import badges_due_body, max_pages, page_within_window, search_body, suggest_body
from ..elastic.rebuild import Rebuild
from ..facets import facet_values
from ..locks import products_locked
from ..query import MAX_QUERY_LENGTH, ProductQuery, ProductResults, Suggestion
from ..text import words
from .base import SearchBackend
from .database.cache import change_index_version

Product = get_model("catalogue", "Product")

logger = logging.getLogger(__name__)

__all__ = ["ElasticsearchBackend", "IndexingError"]

MAX_SUGGESTIONS = 50


class WindowPaginator(Paginator):
    """Counts every hit, but offers only the pages within the index's ``max_result_window``."""

    @cached_property
    def num_pages(self):
        return min(Paginator.num_pages.func(self), max_pages(self.per_page))


class ElasticsearchBackend(SearchBackend):
    chunk_size = 500  # products read from the database and sent per bulk request

    def __init__(self, client=None, alias=None, wait_for_refresh=None):
        self.client = client or connect()
        self.alias = alias or products_alias()
        if wait_for_refresh is None:
            wait_for_refresh = settings.ELASTICSEARCH_WAIT_FOR_REFRESH
        # Index updates are searchable after the next refresh (about a second) unless
        # the write waits for it; tests wait, so they can search what they just changed.
        self.write_options = {"refresh": "wait_for"} if wait_for_refresh else {}

    # --- Searching -------------------------------------------------------------------------

    def search(self, query: ProductQuery) -> ProductResults:
        response = self.client.search(index=self.alias, body=search_body(query))
        paginator = WindowPaginator(range(response["hits"]["total"]["value"]), query.per_page)
        number = min(query.page, paginator.num_pages)
        if paginator.count and number != page_within_window(query):
            # Past the last page: show the last one, as Django's Paginator.get_page does.
            response = self.client.search(index=self.alias, body=search_body(replace(query, page=number)))
        products = self._products([int(hit["_id"]) for hit in response["hits"]["hits"]])
        return ProductResults(
            query=query,
            page=Page(products, number, paginator),
            products=products,
            facets=facet_values(counts_from_aggregations(response["aggregations"]), query),
            understood=" ".join(words(query.text)),
        )

    def suggest(self, text: str, limit: int = 8) -> list[Suggestion]:
        text = text[:MAX_QUERY_LENGTH]
        if not words(text) or limit < 1:
            return []
        body = suggest_body(text, min(limit, MAX_SUGGESTIONS))
        response = self.client.search(index=self.alias, body=body)
        return [
            Suggestion(title=hit["_source"]["title"], url=hit["_source"]["url"])
            for hit in response["hits"]["hits"]
        ]

    @staticmethod
    def _products(ids):
        """The Products of one page in hit order; one removed since it was indexed is skipped."""
        return ProductsById(ids)

    # --- Indexing --------------------------------------------------------------------------

    def update(self, product_ids, on=None) -> None:
        """Called once the transaction that changed them has committed (:mod:`search.indexing`)."""
        ids = sorted({int(pk) for pk in product_ids})
        if not ids:
            return
        # Logged before the write, in a transaction of its own: a rebuild running meanwhile fills
        # its new index from the catalogue and replays what this log names (search.elastic.rebuild).
        change_index_version(ids)
        # require_alias: before the first rebuild there is nothing to update, and an
        # update must not create an index with a guessed mapping under the alias's name.
        errors = self.send(self.alias, ids, on, require_alias=True, **self.write_options)
        if errors and all(missing_alias(error) for error in errors):
            logger.warning("Search index %s does not exist yet: run search_index --rebuild", self.alias)
        elif errors:
            raise IndexingError(errors)

    def send(self, index, ids, on=None, client=None, **options) -> list:
        """Write these products' documents to ``index`` (deleting those not browsable); returns the errors.

        The products are read and written holding their index locks
        (:mod:`search.locks`): a write waits for an earlier one of the same
        product to be answered before reading it, so an older read never
        overwrites a newer one. (Without PostgreSQL there are no such locks;
        a rebuild's bulk load takes none either, and its replay of the change
        log mends what it read before an edit.)
        """
        with products_locked(ids):
            _done, errors = bulk(
                client or self.client, self.actions(index, ids, on), raise_on_error=False, **options
            )
        return [error for error in errors if not already_deleted(error)]

    def actions(self, index, ids, on=None):
        """Bulk actions bringing these products' documents in ``index`` in step with the catalogue."""
        ids = sorted(set(ids))
        for start in range(0, len(ids), self.chunk_size):
            chunk = ids[start : start + self.chunk_size]
            documents = build_documents(self._catalogue().filter(pk__in=chunk), on)
            yield from (self.action(index, document) for document in documents)
            found = {document.product_id for document in documents}
            yield from (self._delete(index, pk) for pk in chunk if pk not in found)

    def rebuild(self, progress=None, on=None) -> int:
        """A new index, filled and then swapped in behind the alias: searches never stop, no edit is lost."""
        return Rebuild(self, progress, on).run()

    def refresh_badges(self, on=None) -> int:
        on = on or timezone.localdate()
        due = [int(hit["_id"]) for hit in scan(self.client, query=badges_due_body(on), index=self.alias)]
        self.update(due, on)
        return len(due)

    @staticmethod
    def _catalogue():
        return Product.objects.base_queryset().prefetch_related("categories")

    def action(self, index, document):
        if not document.browsable:
            return self._delete(index, document.product_id)
        record = IndexedProduct.from_document(document)
        return {"_op_type": "index", "_index": index, "_id": document.product_id, "_source": record.to_dict()}

    @staticmethod
    def _delete(index, pk):
        return {"_op_type": "delete", "_index": index, "_id": pk}
