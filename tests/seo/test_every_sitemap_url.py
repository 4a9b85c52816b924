"""Done when: every address the sitemap lists, in both languages, answers 200 and names its canonical."""

import pytest

from marketplace.seo.head import unprefixed
from tests.seo.head_reading import canonical, head_of
from tests.seo.sitemap_reading import every_entry, path_of

pytestmark = pytest.mark.django_db


def test_every_listed_address_answers_with_its_canonical(client):
    listed = every_entry(client)
    assert len(listed) == 6 and all(listed.values())
    checked = set()
    for section, urls in listed.items():
        for loc, alternates in urls:
            for url in {loc, *alternates.values()} - checked:
                checked.add(url)
                response = client.get(path_of(url))
                assert response.status_code == 200, url
                found = canonical(response)
                assert found.startswith("http://testserver/"), url
                assert "robots" not in head_of(response).meta, url
                # Each its own canonical; a lot's is its GS1 Digital Link, the same in every language.
                digital_link = "lots" in section and path_of(found) == unprefixed(path_of(url))
                assert found == url or digital_link, (url, found)
    assert any(path_of(url).startswith("/en/") for url in checked)
    assert any(not path_of(url).startswith("/en/") for url in checked)
