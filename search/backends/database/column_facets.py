"""Facet counts from the columns in memory: the SQL passes' groups, made from arrays.

Each family's filter is a mask over product ids; a family is counted over
the hits with every mask but its own, as :mod:`.facets` does in SQL, and the
stars, badges, stock and prices go through the same Python that finishes
the SQL counts, places by the same rule, so both answer alike (the contract
suite runs on both).
"""

import math

from search.fields import to_mask
from search.query import Facet

from . import cells
from .columns import Columns, among, tally
from .facets import CELL_FILTERS, cell_counts
from .filters import Filters


def count_facets(columns: Columns, hit_ids, filters: Filters, query, passing=None):
    """(total hits, {Facet name: {value: count}}); ``hit_ids`` are the records holding the words, or None.

    ``passing`` is :func:`masks` of the same, when the caller has them already.
    """
    passing = passing or masks(columns, hit_ids, filters)
    bands = None
    if filters.active(Facet.PRICE):
        numbers = tally(cells.band_number(columns.cell[passing((Facet.PRICE,))]))
        bands = {number - 1: n for number, n in numbers if number}
    total, counts = cell_counts(tally(columns.cell[passing(CELL_FILTERS)]), query, bands)
    places = passing((Facet.PROVINCE, Facet.COMMUNE))
    counts[Facet.PROVINCE], counts[Facet.COMMUNE] = _places(columns, places, filters)
    for family, pairs in ((Facet.CATEGORY, columns.categories), (Facet.ENTERPRISE, columns.enterprises)):
        counts[family] = {str(value): n for value, n in pairs.counts(passing((family,))).items()}
    return total, counts


def masks(columns: Columns, hit_ids, filters: Filters):
    """``passing(without=())``: the mask of the hits kept by every filter but the ``without`` families'.

    ``passing()`` is the set the total counts: a page ranked or sorted within
    it agrees with the facets.
    """
    hits = columns.present if hit_ids is None else columns.mask_of(hit_ids)
    if filters.withdrawn:
        hits = hits & ~columns.mask_of(filters.withdrawn)
    by_family = _masks(columns, filters)

    def passing(without=()):
        mask = hits
        for family, family_mask in by_family.items():
            if family not in without:
                mask = mask & family_mask
        return mask

    return passing


def _masks(columns, filters):
    """{family: mask of the records its filter keeps}, for the families filtered on."""
    masks = {}
    for family, values in filters.values.items():
        if family == Facet.CATEGORY:
            masks[family] = columns.categories.holding(values, columns.size)
        elif family == Facet.ENTERPRISE:
            masks[family] = columns.enterprises.holding(values, columns.size)
        elif family == Facet.PROVINCE:
            masks[family] = _numbered(columns.province, columns.province_codes, values)
        elif family == Facet.COMMUNE:
            masks[family] = _numbered(columns.commune, columns.commune_codes, values)
        elif family == Facet.STARS:
            masks[family] = cells.stars(columns.cell) >= values
        elif family == Facet.BADGE:
            wanted = to_mask(values)
            masks[family] = (cells.badge_bits(columns.cell) & wanted) == wanted
        elif family == Facet.IN_STOCK:
            masks[family] = cells.in_stock(columns.cell) == 1
        elif family == Facet.PRICE:
            masks[family] = _priced_between(columns.cents, *values)
    return masks


def _numbered(column, codes, chosen):
    return among(column, [number for number, code in enumerate(codes) if code and code in chosen])


def _priced_between(cents, low, high):
    """Prices within [low, high] (either may be None); never a product without a price."""
    mask = cents >= (0 if low is None else _within_int64(math.ceil(low * 100)))
    if high is not None:
        mask &= cents <= _within_int64(math.floor(high * 100))
    return mask


def _within_int64(cents):
    """A bound the column can be compared with: prices beyond it exist nowhere."""
    return max(-1, min(cents, 2**62))


def _places(columns, mask, filters):
    """Province and commune counts of the records in ``mask``, each without its own filter.

    As :func:`.facets.places_counts` gives them from the SQL pass's groups:
    provinces are counted with the commune filter, communes with the province filter.
    """
    chosen = filters.values
    provinces, communes = mask, mask
    if Facet.COMMUNE in chosen:
        provinces = mask & _numbered(columns.commune, columns.commune_codes, chosen[Facet.COMMUNE])
    if Facet.PROVINCE in chosen:
        communes = mask & _numbered(columns.province, columns.province_codes, chosen[Facet.PROVINCE])
    return _named(columns.province[provinces], columns.province_codes), _named(
        columns.commune[communes], columns.commune_codes
    )


def _named(numbers, codes):
    """{code: n} of an array of place numbers, leaving out number 0 (no place)."""
    return {codes[number]: n for number, n in tally(numbers) if number}
