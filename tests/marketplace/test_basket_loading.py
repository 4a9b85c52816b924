"""The basket every page shows is loaded without asking for what it does not hold: most baskets
hold no voucher and most lines no option, and then neither is asked for; one that holds them
reads them as before (marketplace.basket.models)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from marketplace.basket.models import with_voucher_flag
from tests.factories import basket_with, enterprise_of, stocked_product

Basket = get_model("basket", "Basket")
Option = get_model("catalogue", "Option")
Voucher = get_model("voucher", "Voucher")

pytestmark = pytest.mark.django_db


def loaded(basket):
    """The basket as the pages load it."""
    basket = with_voucher_flag(Basket.objects).get(pk=basket.pk)
    basket.note_vouchers()
    return basket


@pytest.fixture
def basket(vendor1):
    return basket_with((stocked_product(enterprise_of(vendor1)), 1))


@pytest.fixture
def voucher():
    return Voucher.objects.create(
        name="Tết", code="TET2027", start_datetime="2026-01-01T00:00Z", end_datetime="2030-01-01T00:00Z"
    )


def test_a_basket_without_vouchers_reads_none_without_a_query(basket):
    basket = loaded(basket)
    with CaptureQueriesContext(connection) as queries:
        assert list(basket.vouchers.all()) == []
    assert len(queries) == 0


def test_a_basket_holding_a_voucher_reads_it(basket, voucher):
    basket.vouchers.add(voucher)
    assert list(loaded(basket).vouchers.all()) == [voucher]


def test_a_voucher_added_to_a_basket_loaded_without_one_is_read(basket, voucher):
    basket = loaded(basket)
    basket.vouchers.add(voucher)
    assert list(basket.vouchers.all()) == [voucher]


def test_lines_without_options_read_none_without_a_query(basket):
    (line,) = loaded(basket).all_lines()
    with CaptureQueriesContext(connection) as queries:
        assert list(line.attributes.all()) == []
    assert len(queries) == 0


def test_a_line_with_an_option_reads_it(basket):
    option = Option.objects.create(name="Lời chúc", code="loi-chuc")
    (line,) = basket.all_lines()
    line.attributes.create(option=option, value="Chúc mừng năm mới")
    (line,) = loaded(basket).all_lines()
    assert [(a.option.code, a.value) for a in line.attributes.all()] == [("loi-chuc", "Chúc mừng năm mới")]
