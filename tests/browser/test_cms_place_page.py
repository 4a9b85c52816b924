"""An editor writes a bootstrapped place page in the Wagtail admin; a visitor reads it beside the
products whose origin the Department verified there (issue 19)."""

import re

import pytest
from django.contrib.auth import get_user_model
from oscar.core.loading import get_model
from playwright.sync_api import expect

from catalogue.models import ClaimStatus
from cms.place_pages import PlacePage
from tests.browser.steps import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

INTRO = "Vùng cát trắng ven biển, nơi những rừng tràm cho mật ong thơm."
PARAGRAPH = "Mỗi mùa hoa tràm, các hợp tác xã đưa đàn ong ra rừng."


def add_block(page, label):
    """Appends a block of the body's StreamField through its "+" menu."""
    page.locator("[data-contentpath='body'] button.c-sf-add-button").last.click()
    page.get_by_role("option", name=label).first.click()


def test_an_editor_writes_a_place_page_and_a_visitor_reads_it_with_its_verified_products(page, live_server):
    Product = get_model("catalogue", "Product")
    place = PlacePage.objects.live().order_by("title").first()
    product = Product.objects.browsable().filter(structure=Product.STANDALONE).order_by("pk").first()
    product.origin_province, product.origin_commune = place.commune.province, place.commune
    product.origin_status = ClaimStatus.VERIFIED
    product.save()  # as the Department's decision saves it: its card follows
    sign_in(page, live_server, get_user_model().objects.get(email="editor@demo.vn"))

    page.goto(f"/cms/pages/{place.pk}/edit/")
    expect(page.locator("#id_commune")).to_be_disabled()
    page.fill("#id_intro", INTRO)
    add_block(page, re.compile("Paragraph|Đoạn văn"))  # the admin speaks the editor's language
    paragraph = page.locator("[data-contentpath='body'] .public-DraftEditor-content").last
    paragraph.click()
    paragraph.press_sequentially(PARAGRAPH)
    expect(paragraph).to_contain_text(PARAGRAPH)
    page.locator("#id_intro").click()  # Draftail writes its field as the editor leaves it
    page.wait_for_timeout(500)
    page.locator("button[name='action-publish']").evaluate("button => button.click()")
    expect(page.locator(".messages .success, .messages [class*='success']").first).to_be_visible()

    place.refresh_from_db()
    assert place.intro == INTRO and not place.has_unpublished_changes

    page.goto(place.url)
    expect(page.locator("h1")).to_have_text(place.title)
    expect(page.locator(".place__intro")).to_have_text(INTRO)
    expect(page.locator("article.place")).to_contain_text(PARAGRAPH)
    # a specialty of the province is listed first, among the specialties; cards shorten titles
    listed = page.locator(".place__specialties, .place__products").locator(
        f"a[href='{product.get_absolute_url()}']"
    )
    expect(listed.first).to_be_visible()
