"""A hidden listing leaves everything a shopper sees, as a suspended enterprise's products do, and a
restored one comes back everywhere."""

import pytest
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from search.query import ProductQuery
from search.services import search_products
from tests.factories import add_to_basket, enterprise_of
from vendors.strategy import ListingHidden

Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.django_db

CATALOGUE = reverse("catalogue:index")


def found(query):
    return {product.pk for product in search_products(query).products}


def total(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.context["results"].total


def storefront_ids(client, enterprise):
    response = client.get(reverse("enterprises:detail", kwargs={"slug": enterprise.slug}))
    assert response.status_code == 200
    return {product.pk for product in response.context["products"]}


def test_a_hidden_listing_leaves_the_catalogue_its_category_search_and_its_storefront(
    client, listing, vendor1, hide, restore
):
    enterprise = enterprise_of(vendor1)
    category_url = listing.categories.order_by("path").first().get_absolute_url()
    in_catalogue, in_category = total(client, CATALOGUE), total(client, category_url)
    by_title = ProductQuery(text=listing.title, per_page=50)
    assert listing.pk in found(by_title)
    assert listing.pk in found(ProductQuery(enterprise_ids=(enterprise.pk,), per_page=100))

    hide(listing)
    assert total(client, CATALOGUE) == in_catalogue - 1
    assert total(client, category_url) == in_category - 1
    assert listing.pk not in found(by_title)
    assert listing.pk not in storefront_ids(client, enterprise)
    assert not Product.objects.browsable().filter(pk=listing.pk).exists()

    restore(listing)
    assert total(client, CATALOGUE) == in_catalogue
    assert total(client, category_url) == in_category
    assert listing.pk in found(by_title)
    assert listing.pk in found(ProductQuery(enterprise_ids=(enterprise.pk,), per_page=100))


def test_a_hidden_listings_page_is_not_found_by_a_shopper_but_its_enterprise_still_edits_it(
    client, shopper, vendor1, listing, hide, restore
):
    url = listing.get_absolute_url()
    hide(listing)
    assert client.get(url).status_code == 404
    client.force_login(shopper)
    assert client.get(url).status_code == 404

    client.force_login(vendor1)
    response = client.get(reverse("dashboard:catalogue-product", kwargs={"pk": listing.pk}))
    assert response.status_code == 200
    assert 'id="listing_hidden"' in response.content.decode()

    restore(listing)
    client.logout()
    assert client.get(url).status_code == 200


def test_a_basket_holding_a_hidden_listing_shows_it_unavailable_and_refuses_checkout(
    client, listing, hide, restore
):
    assert add_to_basket(client, listing, 1).status_code == 302
    hide(listing)

    response = client.get(reverse("basket:summary"))
    ((group, _entries),) = response.context["basket_groups"]
    assert not group.can_check_out
    with translation.override("vi"):
        assert list(group.problems.values()) == [str(ListingHidden.message)]
    assert not response.context["can_check_out"]
    refused = client.get(reverse("checkout:index"), follow=True)
    assert refused.redirect_chain[-1][0] == reverse("basket:summary")

    restore(listing)
    response = client.get(reverse("basket:summary"))
    assert response.context["can_check_out"]


def test_a_hidden_listing_cannot_be_added_to_a_basket(client, listing, hide):
    hide(listing)
    add_to_basket(client, listing, 1)
    response = client.get(reverse("basket:summary"))
    assert response.context["basket_groups"] == []


def test_stock_is_not_allocated_for_a_listing_hidden_after_the_basket_was_checked(listing, hide):
    from marketplace.order.stock import NotEnoughStock, allocate
    from tests.factories import basket_with

    basket = basket_with((listing, 1))
    hide(listing)
    with pytest.raises(NotEnoughStock):
        allocate(basket.all_lines())
