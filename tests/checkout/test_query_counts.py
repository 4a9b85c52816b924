"""The basket page and the order preview cost the same few queries however many lines and
enterprises the basket holds (issue 17: ≤ 15 queries on every page, a 12-line basket from 12
enterprises included)."""

import pytest
from django.conf import settings
from django.core.signing import Signer
from django.urls import reverse
from oscar.core.loading import get_class, get_model

from tests.checkout.conftest import Checkout
from tests.factories import enterprise_of, stocked_product

Basket = get_model("basket", "Basket")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
Selector = get_class("partner.strategy", "Selector")

pytestmark = pytest.mark.django_db

# The basket page's fixed cost for a guest, counted on a 1-line basket: the basket and its line
# count, vouchers and offers (Oscar applies them in the middleware and again for the page), the lines
# with their attributes, images, stock records (with enterprises) and delivery rates (one
# query each), the menu's categories, the site and the province's settings. Each line and each
# enterprise adds none.
BASKET_PAGE_QUERIES = 15


def products_of_new_enterprises(model_enterprise, model_product, count):
    """``count`` products, each the only one of a new approved enterprise, copied from the models."""
    record = model_product.stockrecords.get()
    products = []
    for number in range(count):
        enterprise = Partner.objects.get(pk=model_enterprise.pk)
        enterprise.pk = enterprise.id = None
        enterprise.code = enterprise.slug = f"query-count-{number}"
        enterprise.name = f"Query count {number}"
        enterprise.tax_code = f"99000000{number:02d}"
        enterprise.save()
        product = Product.objects.get(pk=model_product.pk)
        product.pk = product.id = None
        product.slug, product.upc = f"query-count-{number}", None
        product.save()
        StockRecord.objects.create(
            product=product,
            partner=enterprise,
            partner_sku=f"query-count-{number}",
            price=record.price,
            num_in_stock=10,
        )
        products.append(product)
    return products


def guest_basket(client, products):
    """The client's basket, as a guest, holding one of each product."""
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    for product in products:
        basket.add_product(product, 1)
    client.cookies[settings.OSCAR_BASKET_COOKIE_OPEN] = Signer().sign(basket.id)
    return basket


@pytest.fixture
def basket_page_queries(client):
    """A guest's basket holding ``products``, and the number of queries its page runs."""

    def count(products, django_assert_max_num_queries):
        guest_basket(client, products)
        # The process's first page also fills caches kept across requests.
        client.get(reverse("basket:summary"))
        with django_assert_max_num_queries(BASKET_PAGE_QUERIES) as captured:
            response = client.get(reverse("basket:summary"))
        assert response.status_code == 200
        enterprises = {product.stockrecords.get().partner_id for product in products}
        assert len(response.context["basket_groups"]) == len(enterprises)
        return len(captured)

    return count


def test_a_basket_of_12_lines_from_12_enterprises_costs_what_a_1_line_basket_costs(
    basket_page_queries, vendor1, django_assert_max_num_queries
):
    model = stocked_product(enterprise_of(vendor1))
    products = products_of_new_enterprises(enterprise_of(vendor1), model, 12)

    one_line = basket_page_queries(products[:1], django_assert_max_num_queries)
    twelve_lines = basket_page_queries(products, django_assert_max_num_queries)

    assert twelve_lines == one_line


# The order preview's fixed cost for a guest, counted on a 1-line basket: the session, the
# basket with its lines, stock records and delivery rates (as on the basket page), vouchers and
# offers, the menu, the site and the province's settings; each line and enterprise adds none.
PREVIEW_QUERIES = 15


def test_the_order_preview_of_12_lines_from_12_enterprises_costs_what_a_1_line_preview_costs(
    client, vendor1, django_assert_max_num_queries
):
    model = stocked_product(enterprise_of(vendor1))
    products = products_of_new_enterprises(enterprise_of(vendor1), model, 12)
    counts = []
    for lines in (1, 12):
        client.cookies.clear()
        guest_basket(client, products[:lines])
        checkout = Checkout(client, email=f"guest{lines}@example.com").start()
        assert checkout.address().status_code == 302
        assert checkout.delivery().status_code == 302
        assert checkout.pay_by("cod").status_code == 302
        checkout.preview()  # the process's first preview also fills caches kept across requests
        with django_assert_max_num_queries(PREVIEW_QUERIES) as captured:
            assert checkout.preview().status_code == 200
        counts.append(len(captured))

    assert counts[1] == counts[0]
