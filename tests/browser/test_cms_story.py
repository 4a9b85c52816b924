"""An editor builds a story on verified facts in the Wagtail admin; a visitor reads it, and the
product page links back to it."""

import re

import pytest
from django.contrib.auth import get_user_model
from oscar.core.loading import get_model
from playwright.sync_api import expect

from cms.models import StoryIndexPage, StoryPage
from tests.browser.steps import sign_in, title_new_page

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Mùa cá cơm trên sông"


def add_block(page, label):
    """Adds a block at the top of the body's StreamField through its first "+" menu."""
    page.locator("[data-contentpath='body'] button.c-sf-add-button").first.click()
    page.get_by_role("option", name=label).click()


def choose(page, button, text):
    """Opens the chooser behind ``button`` and picks the item showing ``text``."""
    page.get_by_role("button", name=button).last.click()
    page.locator(".modal a[data-chooser-modal-choice]", has_text=text).first.click()
    expect(page.locator(".modal")).to_be_hidden()


def test_an_editor_tells_a_story_with_fact_blocks_and_the_product_links_back(page, live_server):
    Partner, Lot = get_model("partner", "Partner"), get_model("catalogue", "Lot")
    Product = get_model("catalogue", "Product")
    enterprise = Partner.objects.approved().order_by("name").first()
    lot = (
        Lot.objects.filter(status=Lot.Status.PUBLISHED, product__in=Product.objects.browsable())
        .order_by("product__title", "lot_code", "-revision")
        .select_related("product")
        .first()
    )
    index = StoryIndexPage.objects.live().first()
    sign_in(page, live_server, get_user_model().objects.get(email="editor@demo.vn"))

    page.goto(f"/cms/pages/add/cms/storypage/{index.pk}/")
    title_new_page(page, TITLE)
    page.fill("#id_date", "20/11/2026")
    page.fill("#id_intro", "Một câu chuyện về làng nghề và những lô hàng truy xuất được.")
    # The admin speaks the editor's language.
    add_block(page, re.compile("Enterprise card|Thẻ doanh nghiệp"))
    choose(page, re.compile("Choose an enterprise|Chọn doanh nghiệp"), enterprise.name)
    add_block(page, re.compile("Traceable lot|Lô hàng truy xuất được"))
    choose(page, re.compile("Choose a traceable lot|Chọn lô hàng truy xuất được"), lot.lot_code)
    add_block(page, re.compile("Products by verified facts|Sản phẩm theo thông tin đã xác minh"))
    page.locator("input[name$='-value-heading']").last.fill("Sản phẩm 4 sao")
    page.locator("select[name$='-value-min_stars']").last.select_option("4")
    page.locator("button[name='action-publish']").evaluate("button => button.click()")
    expect(page.locator(".messages .success, .messages [class*='success']").first).to_be_visible()

    story = StoryPage.objects.live().get(title=TITLE)
    assert enterprise in story.enterprises.all() and lot.product in story.products.all()

    page.goto(story.url)
    expect(page.locator(".block-enterprise")).to_contain_text(enterprise.name)
    expect(page.locator(".block-lot")).to_contain_text(lot.lot_code)
    expect(page.locator(".block-products--facts h2")).to_have_text("Sản phẩm 4 sao")
    expect(page.locator(".story__about")).to_contain_text(lot.product.get_title())

    page.goto(lot.product.get_absolute_url())
    expect(page.locator(".stories-about")).to_contain_text(TITLE)
    page.locator(".stories-about a", has_text=TITLE).click()
    expect(page.locator("h1")).to_have_text(TITLE)
