"""robots.txt: the shop open to crawlers, staff areas, baskets, accounts and refined searches closed."""

import pytest

pytestmark = pytest.mark.django_db


def test_robots_txt_closes_private_areas_and_names_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines and "Allow: /" in lines
    for area in ("/dashboard/", "/cms/", "/admin/", "/basket/", "/checkout/", "/accounts/"):
        assert f"Disallow: {area}" in lines
    assert "Disallow: /*?*sort_by=" in lines and "Disallow: /*?*category=" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_robots_txt_is_not_a_language_page(client):
    # No language prefix, no HTML: crawlers ask for it at the root only.
    response = client.get("/robots.txt", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200 and "<html" not in response.content.decode()
