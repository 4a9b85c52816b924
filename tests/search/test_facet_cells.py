"""A record's facet cell holds its stars, badges, stock and price band, and gives each of them back."""

import importlib
import itertools

import numpy as np
import pytest
from django.apps import apps

from search.backends.database import cells
from search.fields import BITS, to_mask
from search.models import ProductRecord
from search.query import PRICE_BUCKETS

EVERY_BADGE_SET = [
    frozenset(kinds) for size in range(len(BITS) + 1) for kinds in itertools.combinations(BITS, size)
]


def test_every_combination_has_its_own_cell_and_unpacks_to_itself():
    combinations = list(
        itertools.product(range(6), EVERY_BADGE_SET, (False, True), (None, *range(len(PRICE_BUCKETS))))
    )
    packed = {cells.pack(*values) for values in combinations}
    assert len(packed) == len(combinations)
    for values in combinations:
        assert cells.unpack(cells.pack(*values)) == values


def test_a_cell_fits_the_small_integer_column():
    largest = cells.pack(5, frozenset(BITS), True, len(PRICE_BUCKETS) - 1)
    assert largest <= 32767


@pytest.mark.django_db
def test_the_migration_fills_the_same_cells_as_indexing_writes():
    indexed = dict(ProductRecord.objects.values_list("pk", "cell"))
    assert len(indexed) > 10 and len(set(indexed.values())) > 1
    ProductRecord.objects.update(cell=0)
    migration = importlib.import_module("search.migrations.0005_facet_cells")
    migration.fill_cells(apps, schema_editor=None)
    assert dict(ProductRecord.objects.values_list("pk", "cell")) == indexed


def test_an_array_of_cells_reads_as_each_cell_does():
    """The columns in memory filter whole arrays of cells with the same accessors."""
    combinations = list(
        itertools.product(range(6), EVERY_BADGE_SET, (False, True), (None, *range(len(PRICE_BUCKETS))))
    )
    column = np.array([cells.pack(*values) for values in combinations], dtype=np.uint16)
    for position, (stars, badges, in_stock, band) in enumerate(combinations):
        assert cells.stars(column)[position] == stars
        assert cells.badge_bits(column)[position] == to_mask(badges)
        assert cells.in_stock(column)[position] == in_stock
        assert cells.band_number(column)[position] == (0 if band is None else band + 1)
