"""After the index changes, warm_search asks the busiest pages again, so shoppers find them remembered."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from oscar.core.loading import get_model

from search.backends.database import column_facets
from search.backends.database import facets as sql_facets
from search.backends.database.cache import change_index_version, forget_answers
from search.query import Facet, ProductQuery
from search.services import search_products

Category = get_model("catalogue", "Category")

pytestmark = pytest.mark.django_db


@pytest.fixture
def facet_passes(monkeypatch):
    """How many times a page counted facets rather than finding them remembered, whichever way it counts."""
    passes = []
    for module in (column_facets, sql_facets):
        counted = module.count_facets

        def counting(*args, counted=counted, **kwargs):
            passes.append(args)
            return counted(*args, **kwargs)

        monkeypatch.setattr(module, "count_facets", counting)

    def on(client, url):
        passes.clear()
        assert client.get(url).status_code == 200
        return len(passes)

    return on


@pytest.fixture
def busiest_urls():
    forget_answers()
    category = Category.objects.filter(is_public=True, depth=2).order_by("path").first()
    province = search_products(ProductQuery()).facets[Facet.PROVINCE][0].value
    catalogue = reverse("catalogue:index")
    return [catalogue, category.get_absolute_url(), f"{catalogue}?province={province}"]


def test_after_a_change_the_busiest_pages_are_counted_by_the_command_not_by_shoppers(
    client, busiest_urls, facet_passes
):
    change_index_version()  # as any change to a record does
    assert all(facet_passes(client, url) for url in busiest_urls)  # the first shopper pays

    change_index_version()
    call_command("warm_search", verbosity=0)

    for url in busiest_urls:
        assert facet_passes(client, url) == 0, url


def test_with_if_changed_it_only_works_after_the_index_changed():
    def run():
        out = StringIO()
        call_command("warm_search", "--if-changed", stdout=out)
        return out.getvalue()

    assert "pages asked again" in run()
    with CaptureQueriesContext(connection) as unchanged:
        assert "nothing to warm" in run()
    assert len(unchanged) == 1  # the index version, nothing else

    change_index_version()
    assert "pages asked again" in run()
