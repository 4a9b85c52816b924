"""With a thousand enterprises the sidebar lists the largest few, and always the one a shopper chose."""

import pytest

from search.backends.database import DatabaseBackend
from search.backends.database import facets as database_facets
from search.query import Facet, ProductQuery

pytestmark = pytest.mark.django_db


def enterprise_counts(query):
    return {value.value: value.count for value in DatabaseBackend().search(query).facets[Facet.ENTERPRISE]}


def test_only_the_largest_enterprises_are_listed_with_their_full_counts(monkeypatch):
    every = enterprise_counts(ProductQuery())
    assert len(every) > 2
    monkeypatch.setattr(database_facets, "FACET_SIZE", 2)

    listed = enterprise_counts(ProductQuery())

    assert len(listed) == 2
    assert all(every[value] == count for value, count in listed.items())
    assert min(listed.values()) >= max(count for value, count in every.items() if value not in listed)


def test_a_chosen_enterprise_stays_listed_however_small(monkeypatch):
    every = enterprise_counts(ProductQuery())
    smallest = min(every, key=lambda value: (every[value], value))
    monkeypatch.setattr(database_facets, "FACET_SIZE", 1)

    listed = enterprise_counts(ProductQuery(enterprise_ids=(int(smallest),)))

    assert listed[smallest] == every[smallest]
    assert len(listed) == 2
