"""Provincial content pages: the home page, and stories about places and makers."""

from django.conf import settings
from django.db import models
from django.http.request import split_domain_port
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.search import index

from marketplace import content_revision

from .blocks import BodyBlock
from .private_pages import PrivateSectionsKept, public
from .story_facts import FACTS, StoryFacts, mention_facts, story_about


class HomePage(PrivateSectionsKept, Page):
    hero_title = models.CharField(_("hero title"), max_length=120)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("hero_title"),
        FieldPanel("hero_text"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("hero_text"), index.SearchField("body")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.EventIndexPage", "cms.StoryIndexPage", "cms.PlaceIndexPage"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from .services import ROWS, ProductRows

        context = super().get_context(request, *args, **kwargs)
        stories = public(StoryPage.objects.live().filter(locale_id=self.locale_id))
        stories = list(stories.order_by("-date")[:3])
        with_images([(self, "hero_image"), *((story, "image") for story in stories)])
        context["stories"] = stories
        context[ROWS] = ProductRows.of(self.body)
        return context


class StoryIndexPage(PrivateSectionsKept, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.StoryPage"]

    class Meta:
        verbose_name = _("story index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = list(public(self.get_children().live()).specific().order_by("-storypage__date"))
        with_images([(story, "image") for story in stories])
        context["stories"] = stories
        return context


def home_province_communes():
    """Stories are tagged with the province's own communes and wards (their place pages)."""
    return {"province__code": settings.MARKETPLACE_PROVINCE_CODE}


class StoryPage(PrivateSectionsKept, Page):
    """A story of the province: a place, a craft, a producer, a fair."""

    date = models.DateField(_("date"))
    intro = models.TextField(_("introduction"), max_length=400)
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    places = ParentalManyToManyField(
        "places.Commune",
        blank=True,
        related_name="stories",
        limit_choices_to=home_province_communes,
        verbose_name=_("places this story is about"),
    )
    # What the story is about: the enterprises of its cards and the products of its lots, kept when
    # it is saved (story_facts). Not a panel: a multiple select of every product does not scale.
    products = ParentalManyToManyField(
        "catalogue.Product", blank=True, related_name="stories", verbose_name=_("products")
    )
    enterprises = ParentalManyToManyField(
        "partner.Partner", blank=True, related_name="stories", verbose_name=_("enterprises")
    )

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("places", heading=_("Places this story is about")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def get_context(self, request, *args, **kwargs):
        from .services import ROWS, ProductRows

        context = super().get_context(request, *args, **kwargs)
        context[ROWS] = ProductRows.of(self.body)
        context[FACTS] = StoryFacts.of(self.body)
        context["about"] = story_about(self)
        return context

    def clean(self):
        super().clean()
        mention_facts(self)


def with_images(fields):
    """Fills each ``(page, image field)`` from one query: a page shows its hero and cards' images."""
    ids = {getattr(page, f"{field}_id", None) for page, field in fields} - {None}
    images = get_image_model().objects.in_bulk(ids) if ids else {}
    for page, field in fields:
        if (image_id := getattr(page, f"{field}_id", None)) is not None:
            setattr(page, field, images.get(image_id))


def default_province_code():
    return settings.MARKETPLACE_PROVINCE_CODE


@register_setting(icon="site")
class ProvinceSettings(BaseSiteSetting):
    """The province a site serves, as its footer names it: editors change it under Settings at /cms/.

    Bootstrap (and the demo) fill it from MARKETPLACE_PROVINCE_CODE; Wagtail reads it once per request.
    """

    province_name = models.CharField(
        _("province name"),
        max_length=100,
        default="Quảng Trị",
        help_text=_('As in running text, without "Tỉnh": "Quảng Trị".'),
    )
    province_code = models.CharField(_("province code"), max_length=2, default=default_province_code)
    footer_text = models.TextField(
        _("footer text"),
        blank=True,
        help_text=_("Replaces the standard sentence about the marketplace in the footer when filled in."),
    )
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_address = models.CharField(_("contact address"), max_length=255, blank=True)

    panels = [
        FieldPanel("province_name"),
        FieldPanel("province_code"),
        FieldPanel("footer_text"),
        FieldPanel("contact_phone"),
        FieldPanel("contact_email"),
        FieldPanel("contact_address"),
    ]

    class Meta:
        verbose_name = _("province and footer")

    @property
    def has_contacts(self):
        return bool(self.contact_phone or self.contact_email or self.contact_address)

    @classmethod
    def for_request(cls, request):
        """Wagtail's, the site and its settings kept under the content revision: every footer shows
        them, and a change to either bumps the revision (``marketplace.page_cache.changes``)."""
        attr_name = cls.get_cache_attr_name()
        if not hasattr(request, attr_name):
            hostname = split_domain_port(request._get_raw_host())[0]
            site, site_settings = content_revision.kept(
                f"site-settings:{hostname}:{request.get_port()}", lambda: cls._site_and_settings(request)
            )
            if site is None:
                return super().for_request(request)
            if not hasattr(request, "_wagtail_site"):
                request._wagtail_site = site
            site_settings._request = request
            setattr(request, attr_name, site_settings)
        return getattr(request, attr_name)

    @classmethod
    def _site_and_settings(cls, request):
        site = Site._find_for_request(request)
        return (site, cls.for_site(site)) if site is not None else (None, None)


from .events import EventIndexPage, EventKind, EventPage  # fairs and events (cms.events)
from .operator import OperatorSettings, SocialLink  # the operator legal details (cms.operator)
from .place_pages import PlaceIndexPage, PlacePage  # place pages (cms.place_pages)
