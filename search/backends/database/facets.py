"""Facet counts in SQL: the same few grouped queries whatever the number of hits.

Each family is counted with every filter but its own (disjunctive faceting),
except badges, which combine with AND: a badge's count is what ticking it
would give. Stars, badges, stock and price band are packed into each
record's cell, so a single GROUP BY of it gives all four families (and the
total) once Python sums its hundred-odd cells; places are one more GROUP BY,
categories and enterprises one each; the names of the values shown are
remembered too.

Counting over columns in memory (:mod:`.column_facets`) is the faster
default and reuses this module's Python half; the SQL passes are the choice
for a process that should hold no columns (``SEARCH_FACETS=sql``), and the
contract suite holds both to the same answers.
"""

from collections import Counter

from django.db.models import Count

from search.facets import STAR_LEVELS, database_names, facet_values, selected_values
from search.forms import price_range_value
from search.models import RecordCategory, RecordEnterprise
from search.query import FACET_SIZE, PRICE_BUCKETS, Facet

from . import cells
from .cache import Answers
from .filters import Filters, withdrawn_condition


def count_facets(filters: Filters, query, answers: Answers):
    """(total hits, {Facet name: {value: count}}) for ``query``, counted in SQL.

    Each pass is remembered by what its SQL depends on, so a family counted
    without its own filter is shared by every query differing only there.
    """
    total, counts = _column_counts(filters, query, answers)
    places = (Facet.PROVINCE, Facet.COMMUNE)
    groups = answers.get(("places", filters.key(without=places)), lambda: _place_counts(filters))
    counts[Facet.PROVINCE], counts[Facet.COMMUNE] = places_counts(groups, filters)
    for family, model, field in (
        (Facet.CATEGORY, RecordCategory, "category"),
        (Facet.ENTERPRISE, RecordEnterprise, "enterprise"),
    ):
        counts[family] = answers.get(
            (family, filters.key(without=(family,))),
            lambda family=family, model=model, field=field: _related_counts(filters, family, model, field),
        )
    return total, counts


def shown_facets(counts, query, answers: Answers):
    """{Facet name: [FacetValue, ...]}: the long families cut to their largest values, all named."""
    selected = selected_values(query)
    for name in Facet.LONG:
        counts[name] = largest(counts[name], selected[name])

    def names(shown):
        return answers.get(("labels", shown), lambda: database_names(shown))

    return facet_values(counts, query, names)


def largest(counts, selected):
    """The FACET_SIZE values with most products, and the chosen ones whatever their count."""
    kept = dict(Counter(counts).most_common(FACET_SIZE))
    kept.update((value, counts[value]) for value in selected if value in counts)
    return kept


def _column_counts(filters, query, answers):
    """The total and the stars, badge, stock and price facets.

    The stars, badge and stock filters are left out of the SQL and applied to
    the grouped rows in :func:`cell_counts`; a price range is not
    band-aligned, so when one is asked the price facet takes a second query.
    """
    grouped = answers.get(
        ("cells", filters.key(without=CELL_FILTERS)),
        lambda: list(
            filters.records(without=CELL_FILTERS).values_list("cell").annotate(n=Count("pk")).order_by()
        ),
    )
    bands = None
    if filters.active(Facet.PRICE):
        without_price = filters.records(without=(Facet.PRICE,))
        bands = answers.get(
            ("price bands", filters.key(without=(Facet.PRICE,))),
            lambda: dict(without_price.values_list("price_band").annotate(n=Count("pk")).order_by()),
        )
    return cell_counts(grouped, query, bands)


CELL_FILTERS = (Facet.STARS, Facet.BADGE, Facet.IN_STOCK)  # applied to grouped cells, not in the SQL


def cell_counts(grouped, query, bands=None):
    """The total and the stars, badge, stock and price facets from ``(cell, n)`` groups.

    ``grouped`` holds the hits with every filter but :data:`CELL_FILTERS`;
    each family is counted here with the other two. ``bands`` ({price band:
    n}, without the price filter) is needed when a price range is asked.
    """
    min_stars, badges = Filters.min_stars(query), set(Filters.badges(query))

    def holds(cell, stars=True, stock=True):
        return (
            (not stars or min_stars is None or cell.stars >= min_stars)
            and badges <= cell.badges
            and (not stock or not query.in_stock or cell.in_stock)
        )

    total, by_stars, by_badge, by_stock, by_band = 0, Counter(), Counter(), Counter(), Counter()
    for packed, n in grouped:
        cell = cells.unpack(packed)
        if holds(cell):
            total += n
            by_band[cell.price_band] += n
            by_badge.update(dict.fromkeys(cell.badges, n))
        if holds(cell, stars=False):
            by_stars.update({str(stars): n for stars in STAR_LEVELS if cell.stars >= stars})
        if holds(cell, stock=False) and cell.in_stock:
            by_stock["1"] += n
    if bands is not None:
        by_band = bands
    prices = {price_range_value(*PRICE_BUCKETS[band]): n for band, n in by_band.items() if band is not None}
    counts = {Facet.STARS: by_stars, Facet.BADGE: by_badge, Facet.IN_STOCK: by_stock, Facet.PRICE: prices}
    return total, counts


def _place_counts(filters):
    """Province and commune counts from one GROUP BY, each family without its own filter.

    Neither family's filter is in the SQL, so its answer is shared by every
    choice of places; each family applies the other's filter to the groups here.
    """
    rows = (
        filters.records(without=(Facet.PROVINCE, Facet.COMMUNE))
        .values_list("province_code", "commune_code")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return list(rows)


def places_counts(groups, filters):
    """Province and commune counts from ``(province, commune, n)`` groups, each without its own filter."""
    provinces, communes = Counter(), Counter()
    chosen_provinces = set(filters.values.get(Facet.PROVINCE, ()))
    chosen_communes = set(filters.values.get(Facet.COMMUNE, ()))
    for province, commune, n in groups:
        if province and (not chosen_communes or commune in chosen_communes):
            provinces[province] += n
        if commune and (not chosen_provinces or province in chosen_provinces):
            communes[commune] += n
    return provinces, communes


def _related_counts(filters, family, model, field):
    """Counts per category or enterprise, read from the (value, record) pairs."""
    if not filters.restricted(without=(family,)):  # the pairs of every record, or of those holding the words
        pairs = model.objects.exclude(withdrawn_condition(filters.withdrawn, "record"))
        if filters.matching_ids is not None:
            pairs = pairs.filter(record__in=filters.matching_ids)
    else:
        pairs = model.objects.filter(record__in=filters.records(without=(family,)).values("pk"))
    counted = pairs.values_list(field).annotate(n=Count("record")).order_by()
    return {str(value): n for value, n in counted}
