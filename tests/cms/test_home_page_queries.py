"""The home page costs the same number of queries whatever it shows: more story cards or more
rows of products add none (issue 17, "Fast pages")."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model
from wagtail.models import PageViewRestriction

from cms.models import HomePage, StoryIndexPage, StoryPage

Category = get_model("catalogue", "Category")

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _pages_built_afresh(settings):
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def home_queries(client):
    """The queries of the home page, opened a second time (the first fills what is kept)."""
    client.get("/")
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/")
    assert response.status_code == 200
    return len(captured), response.content.decode()


def rows(*headed):
    """A body of product rows: (heading, category or None, search words)."""
    return [
        ("products", {"heading": heading, "category": category, "search_text": text, "count": 4})
        for heading, category, text in headed
    ]


def show_rows(home, body):
    home.body = body
    home.save()


def test_three_story_cards_cost_what_one_does(client):
    stories = list(StoryPage.objects.live().order_by("-date"))
    assert len(stories) >= 3
    three, html = home_queries(client)
    assert all(story.title in html for story in stories[:3])

    StoryPage.objects.exclude(pk=stories[0].pk).update(live=False)
    one, html = home_queries(client)

    assert stories[0].title in html and stories[1].title not in html
    assert three == one


def test_three_rows_of_products_cost_what_one_does(client):
    home = HomePage.objects.get()
    stocked = list(Category.objects.filter(product__isnull=False).distinct().order_by("path")[:2])
    show_rows(home, rows(("Đặc sản", stocked[0], "")))
    one, html = home_queries(client)
    assert html.count('class="block-products"') == 1

    show_rows(home, rows(("Đặc sản", stocked[0], ""), ("Nữa", stocked[1], ""), ("Tất cả", None, "")))
    three, html = home_queries(client)

    assert html.count('class="block-products"') == 3
    assert three == one


def test_a_row_shows_the_products_of_its_category_and_those_under_it(client):
    home = HomePage.objects.get()
    sector = Category.objects.filter(depth=1, numchild__gt=0).order_by("path").first()
    show_rows(home, rows(("Đặc sản", sector, "")))

    _, html = home_queries(client)

    row = html.split('class="block-products"')[1]
    assert "product_pod" in row


def test_the_home_page_reads_neither_site_nor_restrictions_and_the_tree_and_index_version_once(client):
    client.get("/")
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/").status_code == 200
    tables = [query["sql"].split(" WHERE ")[0] for query in captured]

    assert not [sql for sql in tables if '"wagtailcore_site"' in sql]
    assert not [sql for sql in tables if '"wagtailcore_pageviewrestriction"' in sql]
    assert sum('FROM "catalogue_category"' in sql for sql in tables) == 1  # the rows' categories, all at once
    assert sum('FROM "search_indexversion"' in sql for sql in tables) == 1


def test_stories_of_a_section_made_private_leave_the_home_page_on_the_next_request(client, committing):
    story = StoryPage.objects.live().order_by("-date").first()
    assert story.title in client.get("/").content.decode()
    with committing():
        PageViewRestriction.objects.create(
            page=StoryIndexPage.objects.get(), restriction_type=PageViewRestriction.LOGIN
        )

    assert story.title not in client.get("/").content.decode()
    assert client.get(story.url).status_code == 302  # to the sign-in page
