"""A Department reviewer opens the province console on a phone: the charts show, nothing scrolls sideways."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.browser.steps import sign_in
from tests.province import data

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# The elements reaching past the screen's right edge, to name them when the page scrolls sideways.
WIDER_THAN_THE_SCREEN = """
[...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
    .slice(0, 8)
    .map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right))
"""


def test_a_reviewer_reads_the_console_on_a_phone_without_scrolling_sideways(page, live_server):
    data.province()
    sign_in(page, live_server, get_user_model().objects.get(email="reviewer@demo.vn"))
    page.goto("/dashboard/province/?quick=last_12_months")

    expect(page.locator("#console_headline")).to_be_visible()
    charts = page.locator("figure.report-chart")
    expect(charts.first.locator("svg").first).to_be_visible()
    assert charts.count() >= 10
    for index in range(charts.count()):
        chart = charts.nth(index)
        chart.scroll_into_view_if_needed()
        box = chart.bounding_box()
        assert box and 0 < box["width"] <= 390, box
        label = chart.locator(".report-bar-label").first
        if label.count():  # a bar's label keeps the page's text size on a phone
            size = "e => getComputedStyle(e).fontSize"
            assert label.evaluate(size) == page.locator("#console_headline").evaluate(size)
    wider = page.evaluate(WIDER_THAN_THE_SCREEN)
    assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth"), wider

    page.emulate_media(media="print")
    expect(page.locator("#period_form")).to_be_hidden()
    expect(charts.first).to_be_visible()
