"""Fixtures for every search test: products listed as an enterprise's staff would list them."""

from decimal import Decimal

import pytest
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")


@pytest.fixture
def approved_enterprise(db):
    return Partner.objects.approved().filter(stockrecords__isnull=False).order_by("pk").first()


@pytest.fixture
def new_product(db, approved_enterprise):
    """A way to list a product of an approved enterprise, as its staff would."""

    def create(title, price=Decimal(150_000), stock=10, category=None, description=""):
        product = Product.objects.create(
            title=title,
            description=description,
            product_class=Product.objects.filter(product_class__isnull=False).first().product_class,
            is_public=True,
        )
        StockRecord.objects.create(
            product=product,
            partner=approved_enterprise,
            partner_sku=f"TEST-{product.pk}",
            price=price,
            num_in_stock=stock,
        )
        if category is not None:
            product.categories.add(category)
        return product

    return create


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change and what its transaction's commit triggers (the index update)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
