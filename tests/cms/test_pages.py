"""Province content lives in Wagtail and shows shop products through the search service."""

import pytest
from wagtail.models import Site

from cms.models import HomePage, StoryPage

pytestmark = pytest.mark.django_db


def test_wagtail_serves_the_home_page_at_the_root(client):
    assert Site.objects.get(is_default_site=True).root_page.specific.__class__ is HomePage
    response = client.get("/")
    assert response.context["page"].specific.__class__ is HomePage


def test_home_page_product_blocks_show_live_products(client):
    response = client.get("/")
    html = response.content.decode()
    assert "block-products" in html
    assert "product_pod" in html


def test_stories_are_published_and_listed(client):
    assert StoryPage.objects.live().count() >= 3
    story = StoryPage.objects.live().first()
    response = client.get(story.url)
    assert response.status_code == 200
    assert story.intro in response.content.decode()


def test_editor_can_open_the_page_editor(client, editor):
    client.force_login(editor)
    home = HomePage.objects.get()
    assert client.get(f"/cms/pages/{home.pk}/edit/").status_code == 200
