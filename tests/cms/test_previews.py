"""Every kind of provincial page can be previewed from its edit form, showing the unsaved draft."""

import pytest
from wagtail.models import get_page_models

from tests.cms.edit_forms import edit_form_data

pytestmark = pytest.mark.django_db

PAGE_KINDS = [
    model for model in get_page_models() if model._meta.app_label == "cms" and not model._meta.abstract
]
DRAFT_TITLE = "Bản nháp chưa lưu"


def test_every_cms_page_kind_is_in_the_list():
    names = {model.__name__ for model in PAGE_KINDS}
    assert {"HomePage", "StoryIndexPage", "StoryPage"} <= names


@pytest.mark.parametrize("model", PAGE_KINDS, ids=lambda model: model.__name__)
def test_the_preview_shows_the_drafts_title(client, admin_user, model):
    page = model.objects.order_by("path").first()
    assert page is not None, f"the demo has no {model.__name__} to preview"
    client.force_login(admin_user)
    edit = f"/cms/pages/{page.pk}/edit/"
    data = edit_form_data(client, page)  # its body left empty: the draft differs from the page
    data["title"] = DRAFT_TITLE
    if "hero_title" in data:  # the home page shows its hero, not its title
        data["hero_title"] = DRAFT_TITLE
    preview = f"{edit}preview/"
    checked = client.post(preview, data)
    assert checked.status_code == 200 and checked.json()["is_valid"], checked.content[:500]
    shown = client.get(preview)
    assert shown.status_code == 200
    assert DRAFT_TITLE in shown.content.decode()
    page.refresh_from_db()
    assert page.title != DRAFT_TITLE  # nothing saved
