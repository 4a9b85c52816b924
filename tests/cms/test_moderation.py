"""The Department's editors write and submit; its approvers publish (draft → review → published)."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, WorkflowPage

from cms.models import HomePage, StoryIndexPage, StoryPage
from marketplace.operations.bootstrap import (
    EDITORS_GROUP,
    MODERATORS_GROUP,
    WORKFLOW_NAME,
    ensure_staff_groups,
)
from tests.cms.edit_forms import edit_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def writer(django_user_model):
    """An editor of the Department who is not an approver."""
    user = django_user_model.objects.create_user("writer@example.vn", "writer@example.vn", "x")
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


@pytest.fixture
def approver(django_user_model):
    user = django_user_model.objects.create_user("approver@example.vn", "approver@example.vn", "x")
    user.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    return user


@pytest.fixture
def draft():
    """A story the writer has saved as a draft."""
    story = StoryPage(title="Mùa muối Sa Huỳnh", date=date(2026, 11, 2), intro="Mùa muối", live=False)
    StoryIndexPage.objects.live().first().add_child(instance=story)
    story.save_revision()
    return story


def edit(client, page, action, **fields):
    data = edit_form_data(client, page)
    data.update(fields)
    data[action] = "1"
    return client.post(f"/cms/pages/{page.pk}/edit/", data)


def test_bootstrap_sets_up_moderation_once(approver):
    home = HomePage.objects.get()
    ensure_staff_groups(home)
    again = ensure_staff_groups(home)
    assert again.added == 0 and again.created == 0
    assert WorkflowPage.objects.get(page=home).workflow.name == WORKFLOW_NAME


def test_an_editor_cannot_publish(client, writer, draft):
    client.force_login(writer)
    form = client.get(f"/cms/pages/{draft.pk}/edit/").content.decode()
    assert 'name="action-publish"' not in form
    assert 'name="action-submit"' in form
    edit(client, draft, "action-publish")
    assert not Page.objects.get(pk=draft.pk).live


def test_a_submitted_story_waits_for_the_approver_and_is_live_once_approved(client, writer, approver, draft):
    client.force_login(writer)
    edit(client, draft, "action-submit", title="Mùa muối Sa Huỳnh 2026")
    story = Page.objects.get(pk=draft.pk)
    assert not story.live
    state = story.current_workflow_state
    assert state is not None and state.status == state.STATUS_IN_PROGRESS

    client.force_login(approver)
    assert "Mùa muối Sa Huỳnh 2026" in client.get("/cms/").content.decode()  # awaiting their review
    task_state = state.current_task_state
    response = client.post(f"/cms/pages/workflow/action/{story.pk}/approve/{task_state.pk}/", {"comment": ""})
    assert response.status_code in (200, 302)
    story.refresh_from_db()
    assert story.live and story.title == "Mùa muối Sa Huỳnh 2026"


def test_changes_requested_reach_the_editor_with_the_comment(client, writer, approver, draft):
    client.force_login(writer)
    edit(client, draft, "action-submit")
    state = Page.objects.get(pk=draft.pk).current_workflow_state

    client.force_login(approver)
    comment = "Thêm ảnh ruộng muối và nguồn tin."
    client.post(
        f"/cms/pages/workflow/action/{draft.pk}/reject/{state.current_task_state.pk}/", {"comment": comment}
    )
    state.refresh_from_db()
    assert state.status == state.STATUS_NEEDS_CHANGES
    assert not Page.objects.get(pk=draft.pk).live

    client.force_login(writer)
    history = client.get(f"/cms/pages/{draft.pk}/workflow_history/detail/{state.pk}/").content.decode()
    assert comment in history
