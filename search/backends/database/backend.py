from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import F
from django.utils import timezone
from oscar.core.loading import get_model

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
        total, counts = self.count(engine, filters, query, answers)
        facets = shown_facets(counts, query, answers)
        if searched and query.sort == Sort.RELEVANCE:
            boost = accented_words(query.text) if has_diacritics(query.text) else []
            within = filters.records().values("pk") if filters.restricted() else None

            def ids(offset, limit):
                return engine.ranked_ids(searched, boost, within, filters.withdrawn_records(), limit, offset)

        else:
            boost = ()
            ordered = filters.records().order_by(*ORDERINGS[query.sort]).values_list("pk", flat=True)

            def ids(offset, limit):
                return list(ordered[offset : offset + limit])

        def fetch(offset, limit):
            key = ("page", query.sort, boost, filters.key(), offset, limit)
            return answers.get(key, lambda: ids(offset, limit))

        page = Paginator(Hits(total, fetch), query.per_page).get_page(query.page)
        page.object_list = products_in_order(page.object_list)
        return ProductResults(
            query=query, page=page, products=page.object_list, facets=facets, understood=" ".join(searched)
        )

    def count(self, engine, filters, query, answers):
        """(total hits, {facet: {value: count}}), from the columns in memory or in SQL."""
        if not self.facets_in_memory:
            return sql_facets.count_facets(filters, query, answers)

        def from_columns():
            held = columns_at(answers.version)
            hit_ids = engine.ids(filters.words) if filters.words else None
            return column_facets.count_facets(held, hit_ids, filters, query)

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
    """The page's products, loaded once with everything cards show, in hit order."""
    products = Product.objects.for_cards().in_bulk(ids)
    return [products[pk] for pk in ids if pk in products]
