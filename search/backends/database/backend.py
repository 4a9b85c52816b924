from functools import cached_property

import numpy as np
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import F
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue.card_products import ProductsById
from search.backends.base import SearchBackend
from search.models import ProductRecord
from search.query import ProductQuery, ProductResults, Sort, Suggestion
from search.text import accented_words, has_diacritics, words
from search.workers import each_chunk

from . import column_facets, records
from . import facets as sql_facets
from .cache import Answers, change_index_version
from .columns import columns_at
from .facets import shown_facets
from .filters import Filters, withdrawn_record_ids
from .fulltext import full_text
from .ordering import ordered

Product = get_model("catalogue", "Product")

ORDERINGS = {
    # Without words, "relevance" puts the most recognised products first.
    Sort.RELEVANCE: ("-stars", F("rating").desc(nulls_last=True), "-date_created", "pk"),
    Sort.PRICE_ASC: (F("price").asc(nulls_last=True), "pk"),
    Sort.PRICE_DESC: (F("price").desc(nulls_last=True), "pk"),
    Sort.NEWEST: ("-date_created", "-pk"),
    Sort.RATING: (F("rating").desc(nulls_last=True), "-stars", "pk"),
}


class DatabaseBackend(SearchBackend):
    """SQLite FTS5 or PostgreSQL full text over one denormalised record per browsable product."""

    def __init__(self, facets_in_memory=None):
        if facets_in_memory is None:
            facets_in_memory = settings.SEARCH_FACETS != "sql"
        self.facets_in_memory = facets_in_memory

    def search(self, query: ProductQuery) -> ProductResults:
        engine = full_text()
        searched = words(query.text)
        answers = Answers()
        withdrawn = answers.get(("withdrawn",), lambda: list(withdrawn_record_ids()))
        filters = Filters(query, engine.matching(searched) if searched else None, searched, withdrawn)
        held = HeldHits(engine, filters, answers.version) if self.facets_in_memory else None
        total, counts = self.count(filters, query, answers, held)
        facets = shown_facets(counts, query, answers)
        if searched and query.sort == Sort.RELEVANCE:
            boost = accented_words(query.text) if has_diacritics(query.text) else []

            def ids(offset, limit):
                within, without = ranked_within(engine, filters, held)
                return engine.ranked_ids(searched, boost, within, without, limit, offset)

        else:
            boost = ()

            def ids(offset, limit):
                if (passing := _listable(filters, held)) is not None:
                    return ordered(held.columns, passing, query.sort)[offset : offset + limit].tolist()
                ordered_records = filters.records().order_by(*ORDERINGS[query.sort])
                return list(ordered_records.values_list("pk", flat=True)[offset : offset + limit])

        def fetch(offset, limit):
            key = ("page", query.sort, boost, filters.key(), offset, limit)
            return answers.get(key, lambda: ids(offset, limit))

        page = Paginator(Hits(total, fetch), query.per_page).get_page(query.page)
        page.object_list = products_in_order(page.object_list)
        return ProductResults(
            query=query, page=page, products=page.object_list, facets=facets, understood=" ".join(searched)
        )

    def count(self, filters, query, answers, held=None):
        """(total hits, {facet: {value: count}}), from the columns in memory (``held``) or in SQL."""
        if held is None:
            return sql_facets.count_facets(filters, query, answers)

        def from_columns():
            return column_facets.count_facets(held.columns, held.hit_ids, filters, query, held.passing)

        return answers.get(("facets", filters.key()), from_columns)

    def suggest(self, text: str, limit: int = 8) -> list[Suggestion]:
        searched = words(text[:200])
        if not searched or limit < 1:
            return []
        rows = full_text().suggestions(searched, min(limit, 50))
        return [Suggestion(title=title, url=url) for title, url in rows]

    def is_ready(self) -> bool:
        """Whether its records are filled (by a rebuild), so it can stand in for Elasticsearch.

        With Elasticsearch configured these tables are normally empty: then
        nothing can answer while the cluster is down, and pages say so.
        """
        return ProductRecord.objects.exists()

    def invalidate(self) -> None:
        change_index_version()

    def update(self, product_ids, on=None) -> None:
        records.replace(product_ids, on)

    def rebuild(self, progress=None, on=None) -> int:
        ids = set(Product.objects.browsable().values_list("pk", flat=True))
        ids |= set(ProductRecord.objects.values_list("pk", flat=True))  # those to drop
        ids = sorted(ids)
        if progress is not None:
            progress.reset(total=len(ids))
        indexed = 0
        chunks = [ids[start : start + records.CHUNK] for start in range(0, len(ids), records.CHUNK)]
        for written, done in each_chunk(records.rebuild_chunk, chunks, on):
            indexed += written
            if progress is not None:
                progress.update(done)
        records.analyze()
        return indexed

    def refresh_badges(self, on=None) -> int:
        on = on or timezone.localdate()
        due = list(ProductRecord.objects.filter(badges_change_on__lte=on).values_list("pk", flat=True))
        records.replace(due, on)
        return len(due)


class HeldHits:
    """One search's hits over the facet columns: the words' ids read once, for the counts and the page.

    Both are read only when asked for: a remembered count or page needs neither.
    """

    def __init__(self, engine, filters, version):
        self.engine, self.filters, self.version = engine, filters, version

    @cached_property
    def columns(self):
        return columns_at(self.version)

    @cached_property
    def hit_ids(self):
        return self.engine.ids(self.filters.words) if self.filters.words else None

    @cached_property
    def passing(self):
        return column_facets.masks(self.columns, self.hit_ids, self.filters)

    @cached_property
    def passing_ids(self):
        """The ids of the hits every filter keeps, as the total counts them, in id order."""
        return np.flatnonzero(self.passing())


# Counted hits a page is taken from: handed to the database as one list to rank within (cheaper
# than checking every filter again for each hit), or sorted here; beyond this many, a list costs
# more than the database's own filters and indexes.
LISTED_IDS = 20_000


def _listable(filters, held):
    """The ids passing the words and filters, as counted in memory, when short enough to hand over."""
    if held is None or not (filters.words or filters.restricted()):
        return None
    passing = held.passing_ids
    return passing if len(passing) <= LISTED_IDS else None


def ranked_within(engine, filters, held):
    """(within, without): the records a ranking keeps and leaves out, each a subquery or None."""
    if not filters.restricted():
        return None, filters.withdrawn_records()
    if (passing := _listable(filters, held)) is not None:
        return engine.id_list(passing), None  # the withdrawn are already left out of the count
    return filters.records().values("pk"), filters.withdrawn_records()


class Hits:
    """Every hit's id in order: its length known from the facet counts, fetched a page at a time."""

    def __init__(self, total, fetch):
        self.total = total
        self.fetch = fetch

    def __len__(self):
        return self.total

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("Hits are read a page (a slice) at a time.")
        start, stop = index.start or 0, min(index.stop if index.stop is not None else self.total, self.total)
        return self.fetch(start, stop - start) if stop > start else []


def products_in_order(ids):
    """The page's products in hit order, by id: cards render from the ids (cached ones need no
    product), and the products are loaded once, with everything cards show, if read."""
    return ProductsById(ids)
