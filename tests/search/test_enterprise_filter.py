"""A storefront asks search for one enterprise's products: exactly those, still only browsable ones."""

import pytest
from oscar.core.loading import get_model

from search.query import ProductQuery, Sort
from search.services import search_products
from vendors.review import move

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.django_db


def stocked_by(enterprise):
    return set(Product.objects.browsable().filter(stockrecords__partner=enterprise))


def two_enterprises_with_products():
    enterprises = Partner.objects.approved().filter(stockrecords__product__is_public=True).distinct()
    first, second = enterprises.order_by("pk")[:2]
    return first, second


def test_only_the_enterprises_products_are_found():
    first, second = two_enterprises_with_products()
    results = search_products(ProductQuery(enterprise_ids=(first.pk,), per_page=100))
    assert set(results.products) == stocked_by(first)
    assert not set(results.products) & stocked_by(second)


def test_several_enterprises_at_once_without_duplicates():
    first, second = two_enterprises_with_products()
    results = search_products(ProductQuery(enterprise_ids=(first.pk, second.pk), per_page=100))
    assert len(results.products) == results.total
    assert set(results.products) == stocked_by(first) | stocked_by(second)


@pytest.mark.parametrize("sort", [Sort.RELEVANCE, Sort.NEWEST, Sort.PRICE_ASC, Sort.PRICE_DESC])
def test_filter_combines_with_every_sort_and_paginates(sort):
    first, _second = two_enterprises_with_products()
    count = len(stocked_by(first))
    results = search_products(ProductQuery(enterprise_ids=(first.pk,), sort=sort, per_page=1, page=2))
    assert results.total == count
    assert results.page.number == min(2, count)
    assert len(results.products) == 1


def test_filter_combines_with_words():
    first, _second = two_enterprises_with_products()
    product = sorted(stocked_by(first), key=lambda p: p.pk)[0]
    word = product.title.split()[0]
    results = search_products(ProductQuery(text=word, enterprise_ids=(first.pk,), per_page=100))
    assert product in results.products
    assert set(results.products) <= stocked_by(first)


def test_a_suspended_enterprise_shows_nothing(reviewer):
    first, _second = two_enterprises_with_products()
    move(first, "suspended", by=reviewer, reason="Kiểm tra chất lượng.")
    assert search_products(ProductQuery(enterprise_ids=(first.pk,))).total == 0
