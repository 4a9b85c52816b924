"""A page's order, for hits not ranked by words, from the columns in memory.

The hits are already known as ids (the ones the total counts): sorting a few
thousand of them here costs a fraction of a millisecond, where the database
would look up each record again, or walk an index hoping to meet them soon.
Each order is the one :data:`backend.ORDERINGS` gives in SQL, ties broken by
id the same way, so either answers alike.
"""

import numpy as np

from search.query import Sort

from . import cells
from .columns import Columns


def ordered(columns: Columns, ids: np.ndarray, sort) -> np.ndarray:
    """``ids`` (records in ``columns``) in the order of ``sort``."""
    stars = cells.stars(columns.cell[ids]).astype(np.int64)
    rating = _last_when_missing(-columns.rating[ids])  # best first, unrated last
    created = columns.created[ids]
    cents = columns.cents[ids]
    if sort == Sort.PRICE_ASC:
        keys = (_last_when_missing(np.where(cents < 0, np.nan, cents)), ids)
    elif sort == Sort.PRICE_DESC:
        keys = (_last_when_missing(np.where(cents < 0, np.nan, -cents)), ids)
    elif sort == Sort.NEWEST:
        keys = (-created, -ids)
    elif sort == Sort.RATING:
        keys = (rating, -stars, ids)
    else:  # relevance without words: the most recognised first
        keys = (-stars, rating, -created, ids)
    return ids[np.lexsort(keys[::-1])]  # lexsort reads its last key first


def _last_when_missing(values):
    """Floats sorting ascending with the missing (NaN) after every value."""
    return np.where(np.isnan(values), np.inf, values)
