"""An editor reads Wagtail's admin in Vietnamese: no menu, button or heading left in English."""

import pytest

from tests.cms.admin_pages import english_on_admin_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator(client, admin_user):
    client.force_login(admin_user)
    return client


def test_the_main_admin_pages_are_wholly_vietnamese(operator):
    found, share = english_on_admin_pages(operator)
    print(f"\nEnglish share of catalogue text: {share:.1%}")  # -s shows it
    assert {name: sorted(set(texts)) for name, texts in found.items()} == {}


def test_the_pages_menu_is_called_trang(operator):
    html = operator.get("/cms/").content.decode()
    assert '"Trang"' in html
    assert "Phân trang" not in html
