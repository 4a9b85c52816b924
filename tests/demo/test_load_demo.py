"""The demo province loads once and can be loaded again without doubling anything."""

import pytest
from django.core.management import call_command
from oscar.core.loading import get_model

from tests.conftest import DEMO_PRODUCTS

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
Category = get_model("catalogue", "Category")

pytestmark = pytest.mark.django_db


def counts():
    return (
        Partner.objects.count(),
        Product.objects.count(),
        StockRecord.objects.count(),
        Category.objects.count(),
    )


def test_loading_again_doubles_nothing():
    before = counts()
    call_command("load_demo", products=DEMO_PRODUCTS, verbosity=0)
    assert counts() == before


def test_enterprises_of_every_review_state_are_present():
    statuses = set(Partner.objects.values_list("status", flat=True))
    assert {"approved", "submitted", "rejected"} <= statuses
    assert Partner.objects.approved().count() == 30


def test_only_approved_enterprises_products_are_browsable():
    for product in Product.objects.browsable():
        assert product.stockrecords.filter(partner__status="approved").exists()
    hidden = Product.objects.exclude(stockrecords__partner__status="approved")
    assert not set(hidden) & set(Product.objects.browsable())


def test_the_six_ocop_sectors_top_the_category_tree():
    roots = list(Category.objects.filter(depth=1).values_list("name", flat=True))
    assert len(roots) == 6
    assert "Thực phẩm" in roots


def test_every_demo_product_has_a_price_in_dong_and_an_image():
    for product in Product.objects.all():
        record = product.stockrecords.get()
        assert record.price_currency == "VND"
        assert record.price == record.price.to_integral_value()
        assert product.images.exists()


def test_demo_vendors_staff_two_different_approved_enterprises(vendor1, vendor2):
    first, second = vendor1.partners.get(), vendor2.partners.get()
    assert first != second
    assert first.is_approved and second.is_approved


def test_once_leaves_a_loaded_province_alone(capsys):
    before = counts()
    call_command("load_demo", once=True)
    assert "already loaded" in capsys.readouterr().out
    assert counts() == before


def test_vietnam_is_the_shipping_country():
    Country = get_model("address", "Country")
    assert list(Country.objects.filter(is_shipping_country=True).values_list("iso_3166_1_a2", flat=True)) == [
        "VN"
    ]
