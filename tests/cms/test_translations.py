"""Content pages in English: an editor's translation at /en/…, the Vietnamese page until there is one."""

import pytest
from wagtail.models import Locale

from cms.models import HomePage, StoryPage

pytestmark = pytest.mark.django_db


def translate(page, title, **fields):
    """The page copied into English (with its parents, as the editor's "Translate" does), published."""
    english = page.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.title = title
    for name, value in fields.items():
        setattr(english, name, value)
    english.save_revision().publish()
    for parent in english.get_ancestors().filter(depth__gt=1).specific():
        if not parent.live:
            parent.save_revision().publish()
    english.refresh_from_db()  # the address publishing gave it
    return english


def a_story():
    return StoryPage.objects.live().filter(locale__language_code="vi").order_by("pk").first()


def test_both_languages_have_a_locale_and_the_pages_are_vietnamese():
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {"vi", "en"}
    assert {page.locale.language_code for page in StoryPage.objects.all()} == {"vi"}


def test_a_translated_story_serves_its_english_text_under_en(client):
    story = a_story()
    english = translate(story, "The fish sauce villages", intro="Salt, anchovies and time.")
    assert english.url.startswith("/en/")

    response = client.get(english.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "The fish sauce villages" in html and "Salt, anchovies and time." in html
    assert '<html lang="en"' in html

    vietnamese = client.get(story.url).content.decode()
    assert story.intro in vietnamese and "Salt, anchovies and time." not in vietnamese


def test_an_untranslated_story_falls_back_to_vietnamese_in_the_english_interface(client):
    story = a_story()
    response = client.get(f"/en{story.url}")
    html = response.content.decode()
    assert response.status_code == 200
    assert story.intro in html
    assert '<html lang="en"' in html
    assert response["Content-Language"] == "en"


def test_an_untranslated_story_falls_back_even_when_its_section_is_translated(client):
    story = a_story()
    translate(story.get_parent().specific, "Stories")
    response = client.get(f"/en{story.url}")
    assert response.status_code == 200
    assert story.intro in response.content.decode()


def test_the_english_home_page_is_the_translation_once_there_is_one(client):
    home = HomePage.objects.get(locale__language_code="vi")
    assert client.get("/en/").context["page"].pk == home.pk  # not translated yet: the Vietnamese one
    english = translate(home, "OCOP products of the province")
    response = client.get("/en/")
    assert response.context["page"].pk == english.pk
    assert client.get("/").context["page"].pk == home.pk


def test_a_renamed_translation_is_where_english_visitors_of_the_vietnamese_path_go(client):
    story = a_story()
    english = translate(story, "Pepper of the red soil", slug="pepper-of-the-red-soil")
    response = client.get(f"/en{story.url}")
    assert response.status_code == 302
    assert response["Location"] == english.url


def test_story_hreflang_names_the_translation(client):
    story = a_story()
    english = translate(story, "The fish sauce villages", slug="fish-sauce-villages")
    for url in (story.url, english.url):
        html = client.get(url).content.decode()
        assert f'hreflang="vi" href="http://testserver{story.url}"' in html
        assert f'hreflang="en" href="http://testserver{english.url}"' in html
        assert f'hreflang="x-default" href="http://testserver{story.url}"' in html


def test_an_untranslated_storys_english_link_is_its_path_under_en(client):
    story = a_story()
    html = client.get(story.url).content.decode()
    assert f'hreflang="en" href="http://testserver/en{story.url}"' in html
