"""A story knows which products and enterprises it is about, and their pages link back to it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model
from wagtail.models import PageViewRestriction

from cms.story_facts import facts_mentioned
from tests.cms.stories import publish_story, published_lot
from tests.factories import enterprise_of

pytestmark = pytest.mark.django_db

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")


def storefront_url(enterprise):
    return f"/enterprises/{enterprise.slug}/"


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_facts_mentioned_names_the_enterprises_of_cards_and_the_products_of_lots(vendor1):
    from cms.blocks import BodyBlock

    enterprise, lot = enterprise_of(vendor1), published_lot()
    body = BodyBlock().to_python(
        [
            {"type": "enterprise_card", "value": {"enterprise": enterprise.pk}},
            {"type": "traceable_lot", "value": {"lot": lot.pk}},
            {"type": "paragraph", "value": "<p>Chuyện làng</p>"},
        ]
    )
    mentions = facts_mentioned(body)
    assert mentions.enterprise_ids == {enterprise.pk}
    assert mentions.product_ids == {lot.product_id}


def test_a_published_story_is_about_what_its_blocks_show(vendor1):
    enterprise, lot = enterprise_of(vendor1), published_lot()
    story = publish_story(
        "Nước mắm", [("enterprise_card", {"enterprise": enterprise}), ("traceable_lot", {"lot": lot})]
    )
    assert list(story.enterprises.all()) == [enterprise]
    assert list(story.products.all()) == [lot.product]


def test_the_story_page_lists_what_it_is_about_while_public(client, vendor1):
    enterprise, lot = enterprise_of(vendor1), published_lot()
    story = publish_story("Nước mắm", [("traceable_lot", {"lot": lot})])
    story.enterprises.add(enterprise)
    story.save_revision().publish()
    about = html(client, story.url)
    about = about[about.index("story__about") :]
    assert lot.product.get_absolute_url() in about
    assert storefront_url(enterprise) in about
    Partner.objects.filter(pk=enterprise.pk).update(status="suspended")
    Product.objects.filter(pk=lot.product_id).update(is_public=False)
    assert "story__about" not in html(client, story.url)


def test_the_product_page_and_storefront_link_back_to_live_public_stories(client, vendor1):
    lot = published_lot()
    enterprise = lot.product.stockrecords.first().partner
    live = publish_story("Câu chuyện đã đăng", [("traceable_lot", {"lot": lot})])
    live.enterprises.add(enterprise)
    live.save_revision().publish()
    draft = publish_story("Câu chuyện nháp", [("traceable_lot", {"lot": lot})])
    draft.unpublish()
    private = publish_story("Câu chuyện riêng", [("traceable_lot", {"lot": lot})])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    for url in (lot.product.get_absolute_url(), storefront_url(enterprise)):
        page = html(client, url)
        assert "stories-about" in page, url
        links = page[page.index("stories-about") :]
        assert live.url in links and live.title in links
        assert draft.title not in links and private.title not in links


def test_linking_back_costs_no_query_once_kept(client, django_capture_on_commit_callbacks):
    lot = published_lot()
    url = lot.product.get_absolute_url()
    html(client, url)
    with CaptureQueriesContext(connection) as before:
        html(client, url)
    with django_capture_on_commit_callbacks(execute=True):  # publishing records a new content revision
        for n in range(3):
            publish_story(f"Chuyện {n}", [("traceable_lot", {"lot": lot})])
    assert "Chuyện 2" in html(client, url)
    with CaptureQueriesContext(connection) as after:
        page = html(client, url)
    assert page.count("Chuyện ") >= 3
    assert len(after) <= len(before), [q["sql"] for q in after.captured_queries]
