"""What every page shows and only a counted change alters (the menu's categories, the site and its
footer settings) is kept under the content revision: read once, then shown at no cost until a
change to it is counted, and from that request on shown as it is (marketplace.content_revision)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from oscar.core.loading import get_model
from wagtail.models import Site

from cms.models import ProvinceSettings

Category = get_model("catalogue", "Category")

pytestmark = pytest.mark.django_db

PAGE = reverse("enterprises:list")


@pytest.fixture(autouse=True)
def _pages_built_afresh(settings):
    """The pages themselves are not cached here: only what they keep is."""
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    def commit():
        return django_capture_on_commit_callbacks(execute=True)

    return commit


def test_a_page_reads_neither_the_menu_nor_the_site_and_its_settings_once_kept(client):
    client.get(PAGE)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(PAGE).status_code == 200
    tables = " ".join(query["sql"] for query in queries)
    assert "catalogue_category" not in tables
    assert "wagtailcore_site" not in tables
    assert "cms_provincesettings" not in tables


def test_a_new_top_category_shows_in_the_menu_of_the_next_page(client, committing):
    client.get(PAGE)
    with committing():
        Category.add_root(name="Đặc sản mới")
    assert "Đặc sản mới" in client.get(PAGE).content.decode()


def test_new_footer_settings_show_on_the_next_page(client, committing):
    client.get(PAGE)
    with committing():
        setting = ProvinceSettings.for_site(Site.objects.get(is_default_site=True))
        setting.footer_text = "Sàn do Sở Công Thương vận hành."
        setting.save()
    assert "Sàn do Sở Công Thương vận hành." in client.get(PAGE).content.decode()
