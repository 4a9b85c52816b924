"""Request bodies for a :class:`~search.query.ProductQuery` and for autocomplete.

Pure functions of the query: the backend sends their result verbatim, and the
tests pin them down without a cluster.

Facets are counted the disjunctive way: the search's ``query`` holds only the text
and the browsable rule, every filter goes in ``post_filter`` (it narrows the hits,
not the aggregations), and each facet's aggregation is wrapped in a ``filter``
aggregation of all the *other* filters. So a shopper who picked one province still
sees how many products each other province would give. Badges are the exception:
a product must hold every badge asked for, so their counts keep their own filter.
"""

import math
from datetime import date
from decimal import Decimal

from elasticsearch.dsl import A, Q, Search

from search.facets import STAR_LEVELS
from search.forms import price_range_value
from search.query import FACET_SIZE, PRICE_BUCKETS, BadgeKind, Facet, ProductQuery, Sort
from search.text import accented_words, has_diacritics, words

from .indices import MAX_RESULT_WINDOW

BROWSABLE = Q("term", browsable=True)

# Generous enough to count every category and province; communes and enterprises
# list only the FACET_SIZE largest, as the database backend does.
TERMS_FACET_SIZE = 1000

# The keyword fields counted by value.
FACET_FIELDS = {
    Facet.CATEGORY: "category_ids",
    Facet.PROVINCE: "province_code",
    Facet.COMMUNE: "commune_code",
    Facet.ENTERPRISE: "enterprise_ids",
}

# Facets whose own filter applies to their counts: asking for one more badge narrows.
CONJUNCTIVE_FACETS = frozenset({Facet.BADGE})

# The database backend's orders: with no words (or equal scores) the most recognised
# products come first; every order ends on the id, so pages never overlap.
SORTS = {
    Sort.RELEVANCE: (
        "_score",
        {"stars": {"order": "desc"}},
        {"rating": {"order": "desc", "missing": "_last"}},
        {"date_created": {"order": "desc"}},
        "product_id",
    ),
    Sort.NEWEST: ({"date_created": {"order": "desc"}}, {"product_id": {"order": "desc"}}),
    Sort.PRICE_ASC: ({"price": {"order": "asc", "missing": "_last"}}, "product_id"),
    Sort.PRICE_DESC: ({"price": {"order": "desc", "missing": "_last"}}, "product_id"),
    Sort.RATING: (
        {"rating": {"order": "desc", "missing": "_last"}},
        {"stars": {"order": "desc"}},
        "product_id",
    ),
}


def search_body(query: ProductQuery) -> dict:
    """One page of hits (ids only: products are loaded from the database), the total and every facet."""
    filters = facet_filters(query)
    search = Search().query(text_query(query.text)).source(False).extra(track_total_hits=True)
    if filters:
        search = search.post_filter(_all_of(q for queries in filters.values() for q in queries))
    for facet in Facet.ALL:
        others = [
            q
            for name, queries in filters.items()
            if name != facet or facet in CONJUNCTIVE_FACETS
            for q in queries
        ]
        counted = search.aggs.bucket(facet, "filter", filter=_all_of(others))
        counted.bucket("counts", facet_counter(facet))
        if facet in Facet.LONG and (chosen := _chosen(query, facet)):
            # The largest values may leave out the ones the shopper chose: count those by name.
            counted.bucket("chosen", A("terms", field=FACET_FIELDS[facet], include=chosen, size=len(chosen)))
    start = (page_within_window(query) - 1) * query.per_page
    return search.sort(*SORTS[query.sort])[start : start + query.per_page].to_dict()


def page_within_window(query: ProductQuery) -> int:
    """The page asked for, brought back within ``max_result_window``."""
    return min(query.page, max_pages(query.per_page))


def max_pages(per_page: int) -> int:
    return max(1, MAX_RESULT_WINDOW // per_page)


def text_query(text: str) -> Q:
    """Every word must match (in the title or the rest of the text); exact spellings rank first.

    Words are cut as :func:`search.text.words` cuts them, as the database backend
    does, so nothing typed reaches the cluster as syntax and both backends agree on
    what a word is.
    """
    searched = " ".join(words(text))
    if not searched:
        return Q("bool", filter=[BROWSABLE])
    should = [
        Q("match_phrase", title={"query": searched, "boost": 2}),
        Q("term", title_folded={"value": searched, "boost": 4}),
    ]
    if has_diacritics(text):
        # "mâm" typed with its marks ranks "Mâm tre" above "Mắm tôm".
        as_typed = " ".join(accented_words(text))
        should.insert(0, Q("match", title__accented={"query": as_typed, "operator": "and", "boost": 3}))
    return Q(
        "bool",
        must=[
            Q(
                "multi_match",
                query=searched,
                type="cross_fields",
                fields=["title^3", "text_folded"],
                operator="and",
            )
        ],
        should=should,
        filter=[BROWSABLE],
    )


def facet_filters(query: ProductQuery) -> dict:
    """The query's filters, listed under the facet that counts their values."""
    filters = {}
    if query.category_ids:
        filters[Facet.CATEGORY] = [Q("terms", category_ids=_keys(query.category_ids))]
    if query.province_codes:
        filters[Facet.PROVINCE] = [Q("terms", province_code=_keys(query.province_codes))]
    if query.commune_codes:
        filters[Facet.COMMUNE] = [Q("terms", commune_code=_keys(query.commune_codes))]
    if query.min_stars:
        filters[Facet.STARS] = [Q("range", stars={"gte": query.min_stars})]
    if badges := sorted(set(query.badges) & BadgeKind.VALUES):
        filters[Facet.BADGE] = [Q("term", badges=badge) for badge in badges]
    if query.enterprise_ids:
        filters[Facet.ENTERPRISE] = [Q("terms", enterprise_ids=_keys(query.enterprise_ids))]
    if query.price_min is not None or query.price_max is not None:
        filters[Facet.PRICE] = [Q("range", price=_price_range(query.price_min, query.price_max))]
    if query.in_stock:
        filters[Facet.IN_STOCK] = [Q("term", in_stock=True)]
    return filters


def facet_counter(facet: str):
    """The aggregation counting one facet's values (under the other filters)."""
    if facet == Facet.STARS:
        # "At least n stars", as the filter reads.
        return A("range", field="stars", ranges=[{"key": str(n), "from": n} for n in STAR_LEVELS])
    if facet == Facet.PRICE:
        ranges = []
        for lower, upper in PRICE_BUCKETS:
            bucket = {"key": price_range_value(lower, upper)}
            if lower is not None:
                bucket["from"] = int(lower)
            if upper is not None:
                bucket["to"] = int(upper)
            ranges.append(bucket)
        return A("range", field="price", ranges=ranges)
    if facet == Facet.IN_STOCK:
        return A("filter", filter=Q("term", in_stock=True))
    if facet == Facet.BADGE:
        return A("terms", field="badges", size=len(BadgeKind.VALUES))
    size = FACET_SIZE if facet in Facet.LONG else TERMS_FACET_SIZE
    return A("terms", field=FACET_FIELDS[facet], size=size)


def _chosen(query: ProductQuery, facet: str) -> list[str]:
    values = {Facet.COMMUNE: query.commune_codes, Facet.ENTERPRISE: query.enterprise_ids}[facet]
    return _keys(values)


def suggest_body(text: str, limit: int) -> dict:
    """Titles holding every typed word, the last one as the start of a word ("mat o" -> "Mật ong rừng").

    The last word is looked up among the title's indexed prefixes (``suggest``), so a
    single letter finds every title word it starts, however many there are.
    """
    *whole, last = words(text)
    must = [Q("match", suggest={"query": last})]
    if whole:
        must.insert(0, Q("match", title={"query": " ".join(whole), "operator": "and"}))
    query = Q(
        "bool",
        must=must,
        # The words in the order typed: "Mật ong ..." before "Ong ... mật".
        should=[Q("match_phrase", suggest={"query": " ".join([*whole, last])})],
        filter=[BROWSABLE],
    )
    search = Search().query(query).source(["title", "url"]).sort("_score", "title_folded")
    return search[:limit].to_dict()


def badges_due_body(on: date) -> dict:
    """Products whose badges may have changed by ``on`` (a certificate expired or came into force)."""
    query = Q("bool", filter=[Q("range", badges_change_on={"lte": on.isoformat()})])
    return Search().query(query).source(False).to_dict()


def _all_of(queries) -> Q:
    queries = list(queries)
    return Q("bool", filter=queries) if queries else Q("match_all")


def _keys(values) -> list[str]:
    """Keyword values in a stable order: ids arrive as ints or strings."""
    return sorted({str(value) for value in values})


def _price_range(price_min: Decimal | None, price_max: Decimal | None) -> dict:
    """Both ends included, in whole đồng (prices are whole đồng, so rounding inwards loses nothing)."""
    bounds = {}
    if price_min is not None:
        bounds["gte"] = math.ceil(price_min)
    if price_max is not None:
        bounds["lte"] = math.floor(price_max)
    return bounds
