"""An editor announces a fair in the Wagtail admin; a visitor finds it among the upcoming events and
takes its calendar file."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from oscar.core.loading import get_model
from playwright.sync_api import expect

from cms.models import EventIndexPage, EventPage
from tests.browser.steps import sign_in, title_new_page

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Hội chợ OCOP Đồng Hới, mùa hè 2030"


def test_an_editor_publishes_a_fair_and_a_visitor_downloads_its_calendar_file(page, browser, live_server):
    enterprise = (
        get_model("partner", "Partner").objects.approved().exclude(slug=None).order_by("name").first()
    )
    commune = (
        get_model("places", "Commune")
        .objects.filter(province__code=settings.MARKETPLACE_PROVINCE_CODE)
        .order_by("name")
        .first()
    )
    index = EventIndexPage.objects.live().get()
    sign_in(page, live_server, get_user_model().objects.get(email="editor@demo.vn"))

    page.goto(f"/cms/pages/add/cms/eventpage/{index.pk}/")
    title_new_page(page, TITLE)
    page.select_option("#id_kind", "fair")
    page.fill("#id_starts", "02/06/2030 08:00")
    page.fill("#id_ends", "04/06/2030 21:00")
    page.fill("#id_venue_name", "Quảng trường Hồ Chí Minh")
    page.select_option("#id_commune", str(commune.pk))
    page.fill("#id_intro", "Gian hàng nước mắm, hồ tiêu, mật ong; vào cửa tự do.")
    page.locator(f"input[name='enterprises'][value='{enterprise.pk}']").check()
    page.locator("button[name='action-publish']").evaluate("button => button.click()")
    expect(page.locator(".messages .success, .messages [class*='success']").first).to_be_visible()

    event = EventPage.objects.live().get(title=TITLE)
    assert list(event.enterprises.all()) == [enterprise]

    visitor = browser.new_context(base_url=live_server.url, locale="vi-VN", accept_downloads=True).new_page()
    visitor.goto(index.url)
    visitor.locator(".events-upcoming a", has_text=TITLE).click()
    expect(visitor.locator("h1")).to_have_text(TITLE)
    expect(visitor.locator(".event__dates")).to_contain_text("02/06/2030 08:00")
    expect(visitor.locator(".event__venue")).to_contain_text(commune.name)
    expect(visitor.locator(".event__enterprises")).to_contain_text(enterprise.name)

    with visitor.expect_download() as download:
        visitor.locator(".event__actions a[download]").click()
    assert download.value.suggested_filename == f"{event.slug}.ics"
    calendar = Path(download.value.path()).read_bytes().decode().replace("\r\n ", "")
    assert "DTSTART:20300602T010000Z" in calendar  # 08:00 in Quảng Trị is 01:00 UTC
    assert "SUMMARY:Hội chợ OCOP Đồng Hới\\, mùa hè 2030" in calendar
    visitor.context.close()
