"""Whatever reaches a paragraph (the editor, the API, an import) is shown without scripts or
links that run code: cleaned when saved and again when rendered."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from cms.blocks import BodyBlock
from cms.models import StoryPage
from cms.rich_text import sanitise
from tests.cms.stories import publish_story

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p data-block-key="a1">Muối <b onclick="steal()">sạch</b>'
    '<a href="javascript:alert(1)">bấm</a><a href="data:text/html,x">dữ liệu</a>'
    '<a href="JaVa&#x09;script:alert(2)">ẩn</a>'
    '<script>alert(3)</script><style>body{}</style><iframe src="https://evil.example"></iframe>'
    '<img src="x" onerror="alert(4)"></p>'
)
DANGERS = ("<script", "alert(", "onclick", "onerror", "javascript:", "data:text", "<iframe", "<style", "<img")


def paragraph_with(html, words):
    """The rendered paragraph holding ``words`` (the page around it has its own scripts)."""
    at = html.index(words)
    return html[html.rindex("<p", 0, at) : html.index("</p>", at)]


def assert_harmless(html):
    lowered = html.lower()
    for danger in DANGERS:
        assert danger not in lowered, (danger, html)


def test_the_whitelist_keeps_what_editors_write():
    kept = (
        '<p data-block-key="k">Xem <a href="https://ocop.gov.vn">trang</a>, '
        '<a linktype="page" id="3">câu chuyện</a>, <a href="mailto:sct@example.vn">thư</a>, '
        '<a href="tel:+84233">gọi</a> <b>đậm</b> <i>nghiêng</i></p>'
        "<ul><li>một</li></ul><ol><li>hai</li></ol>"
    )
    assert sanitise(kept) == kept


def test_hostile_html_stored_any_way_is_cleaned_when_rendered(client):
    story = publish_story("Muối Sa Huỳnh", body=[("paragraph", RichText("<p>tạm</p>"))])
    hostile_body = json.dumps([{"type": "paragraph", "value": HOSTILE, "id": "1"}])
    with connection.cursor() as cursor:  # as an import or a careless migration could leave it
        cursor.execute("UPDATE cms_storypage SET body = %s WHERE page_ptr_id = %s", [hostile_body, story.pk])
    paragraph = paragraph_with(client.get(story.url).content.decode(), "sạch")
    assert "bấm" in paragraph
    assert_harmless(paragraph)


def test_hostile_html_is_cleaned_when_saved():
    story = publish_story("Muối sạch", body=[("paragraph", RichText(HOSTILE))])
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM cms_storypage WHERE page_ptr_id = %s", [story.pk])
        stored = json.loads(cursor.fetchone()[0])[0]["value"]
    assert "sạch" in stored
    assert_harmless(stored)


def test_a_link_that_runs_code_is_refused_with_a_message():
    block = BodyBlock().child_blocks["paragraph"]
    with pytest.raises(ValidationError) as refused:
        block.clean(RichText('<p><a href="javascript:alert(1)">bấm</a></p>'))
    assert refused.value.code == "unsafe_link"


def draftail(text, url):
    """What Draftail posts: a paragraph whose whole text links to ``url``."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1",
                    "text": text,
                    "type": "unstyled",
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": len(text), "key": 0}],
                }
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}},
        }
    )


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>"])
def test_the_admin_form_keeps_no_link_that_runs_code(client, admin_user, url):
    story = publish_story("Tiêu Cùa")
    client.force_login(admin_user)
    address = f"/cms/pages/{story.pk}/edit/"
    data = querydict_from_html(client.get(address).content.decode(), form_id="page-edit-form")
    for key in [key for key in data if key.startswith("body-")]:
        del data[key]
    data.update(nested_form_data({"body": streamfield([("paragraph", draftail("Tiêu Cùa chín đỏ", url))])}))
    data["action-publish"] = "1"
    response = client.post(address, data)
    assert response.status_code == 302
    story = StoryPage.objects.get(pk=story.pk)
    stored = story.body.raw_data[0]["value"]
    assert "Tiêu Cùa chín đỏ" in stored
    assert_harmless(stored)
    assert_harmless(paragraph_with(client.get(story.url).content.decode(), "Tiêu Cùa chín đỏ"))
