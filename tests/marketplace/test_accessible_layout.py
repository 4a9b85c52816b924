"""Every storefront and dashboard page lets a keyboard user skip to its content, and no page
reloads itself under a screen reader (issue 20; axe-core checks the rest in tests/browser)."""

import re

import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db

SKIP_LINK = re.compile(r'<a class="skip-link" href="#main">Skip to main content</a>')
MAIN = re.compile(r'<main id="main"[^>]*>')


def page_in_english(client, path):
    with translation.override("en"):
        response = client.get(f"/en{path}")
    assert response.status_code == 200, path
    return response.content.decode()


@pytest.mark.parametrize("path", ["/", "/catalogue/", "/enterprises/", "/basket/"])
def test_a_storefront_page_starts_with_a_link_past_the_header_to_its_main_content(client, path):
    html = page_in_english(client, path)
    assert SKIP_LINK.search(html)
    assert len(MAIN.findall(html)) == 1


def test_the_enterprise_dashboard_starts_with_a_link_to_its_main_content(staff):
    html = page_in_english(staff, "/dashboard/")
    assert SKIP_LINK.search(html)
    assert len(MAIN.findall(html)) == 1


def test_the_operators_dashboard_never_reloads_itself_and_offers_a_refresh_link(client, admin_user):
    client.force_login(admin_user)
    html = page_in_english(client, "/dashboard/")
    assert 'http-equiv="refresh"' not in html
    assert re.search(r'<a href="/en/dashboard/" id="refresh_figures">Refresh the figures</a>', html)
    assert SKIP_LINK.search(html)


def test_dashboard_menus_are_buttons_each_with_its_own_id(client, admin_user):
    client.force_login(admin_user)
    html = page_in_english(client, "/dashboard/")
    toggles = re.findall(
        r'<button type="button" class="btn btn-link nav-link dropdown-toggle" id="([^"]+)"', html
    )
    assert toggles and len(toggles) == len(set(toggles))
