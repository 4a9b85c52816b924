"""``{% stories_about product %}`` / ``{% stories_about enterprise %}``: the live public stories about
a product or an enterprise, for the shop's own pages to link back.

A template tag rather than a service the catalogue calls: the shop's apps sit below cms in the
picture of allowed arrows (README, Architecture), so only their templates may load it. Which
stories are about what changes only when a story is published, unpublished, moved or made
private, each a new content revision: the links are kept under it
(``marketplace.content_revision``) and cost a product page or a storefront no query.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django import template
from django.conf import settings
from django.utils import translation

from cms.private_pages import public
from marketplace import content_revision

register = template.Library()

SHOWN = 5
KEPT_AS = "cms-story-links"


@dataclass(frozen=True)
class StoryLink:
    title: str
    url: str
    date: date


@register.inclusion_tag("cms/partials/stories_about.html")
def stories_about(subject):
    from oscar.core.loading import get_model

    is_enterprise = isinstance(subject, get_model("partner", "Partner"))
    language = translation.get_language() or settings.LANGUAGE_CODE
    links = content_revision.kept(f"{KEPT_AS}:{language}", lambda: story_links(language))
    return {
        "stories": links["enterprises" if is_enterprise else "products"].get(subject.pk, ()),
        "is_enterprise": is_enterprise,
    }


def story_links(language):
    """{"products" | "enterprises": {id: the newest live public stories about it}}, in a few queries.

    A story translated into ``language`` is linked in that translation; an untranslated one in its
    original, at its address in ``language`` (Wagtail serves it there in the original).
    """
    from cms.models import StoryPage

    versions = defaultdict(dict)  # translation key: {language: story}
    for story in public(StoryPage.objects.live()).select_related("locale").defer("body"):
        versions[story.translation_key][story.locale.language_code] = story
    stories = {}  # the id of each version: how the story is shown in ``language``
    for by_language in versions.values():
        shown = by_language.get(language) or by_language.get(settings.LANGUAGE_CODE)
        shown = shown or next(iter(by_language.values()))
        link = StoryLink(shown.title, shown.get_url(), shown.date)
        stories.update((story.pk, link) for story in by_language.values())
    links = {}
    for relation, column in (("products", "product_id"), ("enterprises", "partner_id")):
        about = defaultdict(set)
        through = getattr(StoryPage, relation).through.objects.filter(storypage__in=list(stories))
        for story_pk, pk in through.values_list("storypage_id", column):
            about[pk].add(stories[story_pk])
        links[relation] = {
            pk: sorted(shown, key=lambda link: (link.date, link.url), reverse=True)[:SHOWN]
            for pk, shown in about.items()
        }
    return links
