"""A search costs the same few SQL queries whatever the number of hits."""

import pytest

from search.query import ProductQuery, Sort

MAX_QUERIES = 20  # facets, the page's ids, its products with what cards show, facet labels


@pytest.mark.parametrize("sort", [Sort.RELEVANCE, Sort.PRICE_ASC])
@pytest.mark.parametrize("text", ["", "tieu"])
@pytest.mark.parametrize("per_page", [1, 48])
def test_a_search_costs_a_fixed_number_of_queries(
    backend, django_assert_max_num_queries, sort, text, per_page
):
    with django_assert_max_num_queries(MAX_QUERIES):
        backend.search(ProductQuery(text=text, sort=sort, per_page=per_page, min_stars=3, in_stock=True))
