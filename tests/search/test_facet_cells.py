"""A record's facet cell holds its stars, badges, stock and price band, and gives each of them back."""

import importlib
import itertools

import pytest
from django.apps import apps

from search.backends.database import cells
from search.fields import BITS
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
