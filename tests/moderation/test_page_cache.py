"""With the page cache on, a hidden listing is gone on the very next request, and back once restored."""

import pytest
from django.urls import reverse

from tests.factories import enterprise_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


def cached(client, url):
    client.get(url)
    response = client.get(url)
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"
    return response


def test_a_hidden_listing_leaves_cached_pages_at_once_and_a_restored_one_comes_back(
    client, listing, vendor1, hide, restore
):
    product_url = listing.get_absolute_url()
    storefront_url = reverse("enterprises:detail", kwargs={"slug": enterprise_of(vendor1).slug})
    category_url = listing.categories.order_by("path").first().get_absolute_url()
    catalogue_url = reverse("catalogue:index")
    for url in (product_url, storefront_url, category_url, catalogue_url):
        cached(client, url)

    hide(listing)
    assert client.get(product_url).status_code == 404
    for url in (storefront_url, category_url, catalogue_url):
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss"
        assert f'href="{product_url}"' not in response.content.decode()

    restore(listing)
    assert client.get(product_url).status_code == 200
    response = client.get(storefront_url)
    assert response["X-Page-Cache"] == "miss"
