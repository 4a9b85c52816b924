"""An editor of the Department writes a story and submits it; an approver approves it in the
Wagtail admin; only then does a visitor read it."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from cms.models import StoryIndexPage, StoryPage
from marketplace.operations.bootstrap import EDITORS_GROUP, MODERATORS_GROUP
from tests.browser.steps import sign_in, title_new_page

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Mùa hoa tràm Gio Linh"


def member_of(group_name, email):
    user = get_user_model().objects.create_user(email, email, "x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_a_story_goes_live_only_once_an_approver_approves_it(page, live_server):
    writer = member_of(EDITORS_GROUP, "writer@example.vn")
    approver = member_of(MODERATORS_GROUP, "approver@example.vn")
    index = StoryIndexPage.objects.live().first()

    sign_in(page, live_server, writer)
    page.goto(f"/cms/pages/add/cms/storypage/{index.pk}/")
    title_new_page(page, TITLE)
    page.fill("#id_date", "20/11/2026")
    page.fill("#id_intro", "Mật ong hoa tràm của các hộ nuôi ong Gio Linh.")
    assert page.locator("button[name='action-publish']").count() == 0  # editors do not publish
    page.locator("button[name='action-submit']").evaluate("button => button.click()")
    expect(page.locator(".messages .success, .messages [class*='success']").first).to_be_visible()
    story = StoryPage.objects.get(title=TITLE)
    assert not story.live

    page.context.clear_cookies()
    sign_in(page, live_server, approver)
    page.goto("/cms/")
    expect(page.locator("main")).to_contain_text(TITLE)  # awaiting their review
    page.goto(f"/cms/pages/{story.pk}/edit/")
    page.locator(
        "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])"
    ).evaluate("button => button.click()")
    expect(page.locator(".messages .success, .messages [class*='success']").first).to_be_visible()
    story.refresh_from_db()
    assert story.live

    page.context.clear_cookies()
    page.goto(story.url)
    expect(page.locator("h1")).to_have_text(TITLE)
