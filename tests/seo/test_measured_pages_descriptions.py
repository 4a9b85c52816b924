"""The pages Lighthouse scores (``make lighthouse``) each describe themselves once, in both languages."""

import re

import pytest

from marketplace.demo.lighthouse import pages

pytestmark = pytest.mark.django_db

DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_measured_page_has_one_description_that_is_not_empty(client, language):
    measured = pages.measured()  # addresses in Vietnamese, the default: no language prefix
    assert [name for name, _path in measured] == ["home", "product", "search", "storefront"]
    for name, path in measured:
        response = client.get(path if language == "vi" else f"/en{path}", follow=True)
        assert response.status_code == 200, name
        descriptions = DESCRIPTION.findall(response.content.decode())
        assert len(descriptions) == 1, name
        assert descriptions[0].strip(), name
