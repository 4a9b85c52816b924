"""Fairs and events: where and when the province's enterprises meet shoppers, with a calendar file.

An event names its venue's commune (of the home province) and the approved enterprises taking
part; both are chosen from restricted lists in the admin and checked again on save, and an
enterprise suspended later simply stops being shown. Each event, and the index of upcoming
ones, serves an iCalendar file at ``ical/`` (:mod:`cms.icalendar`).
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch
from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from oscar.core.loading import get_model
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.search import index

from . import icalendar
from .blocks import BodyBlock
from .event_kinds import EventKind
from .private_pages import PrivateSectionsKept, public
from .renditions import CARD

__all__ = ["EventIndexPage", "EventKind", "EventPage"]

Partner = get_model("partner", "Partner")
Commune = get_model("places", "Commune")

PAST_PER_PAGE = 12
CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8"


def home_province_communes():
    """The communes and wards an event may take place in: those of the province the site serves."""
    return Commune.objects.filter(province__code=settings.MARKETPLACE_PROVINCE_CODE).select_related(
        "province"
    )


def approved_enterprises():
    """The enterprises an editor may name as taking part: those the Department approved."""
    return Partner.objects.approved().order_by("name")


def upcoming_events(pages=None):
    """Live, public events not yet over, soonest first."""
    pages = EventPage.objects.all() if pages is None else pages
    return public(pages.live()).filter(ends__gte=timezone.now()).order_by("starts", "pk")


def with_card_images(events):
    """Events with their card images and those images' card renditions read in two queries."""
    images = get_image_model().objects.prefetch_renditions(CARD)
    return events.prefetch_related(Prefetch("image", queryset=images))


class EventPageForm(WagtailAdminPageForm):
    """The admin form: the venue among the home province's communes, the enterprises among approved ones."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "commune" in self.fields:
            self.fields["commune"].queryset = home_province_communes()
        if "enterprises" in self.fields:
            self.fields["enterprises"].queryset = approved_enterprises()


class EventIndexPage(RoutablePageMixin, PrivateSectionsKept, Page):
    """The province's fairs and events: upcoming ones first, then past ones page by page."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = _("event index")

    def events(self):
        return EventPage.objects.descendant_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = with_card_images(self.events().select_related("commune"))
        context["upcoming"] = list(upcoming_events(events))
        past = public(events.live()).filter(ends__lt=timezone.now()).order_by("-starts", "-pk")
        context["past"] = Paginator(past, PAST_PER_PAGE).get_page(request.GET.get("page"))
        return context

    @path("ical/", name="ical")
    def calendar_file(self, request):
        """The upcoming events as one calendar, to subscribe to."""
        events = upcoming_events(self.events()).select_related("commune__province")
        text = icalendar.calendar([event.calendar_event(request) for event in events], name=self.title)
        return calendar_response(text, self.slug)


class EventPage(RoutablePageMixin, PrivateSectionsKept, Page):
    """A fair, exhibition, market day or workshop, with its venue and the enterprises taking part."""

    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices, default=EventKind.FAIR)
    starts = models.DateTimeField(_("starts"))
    ends = models.DateTimeField(_("ends"))
    venue_name = models.CharField(_("venue"), max_length=200, help_text=_('E.g. "Quảng trường Tây Hồ".'))
    venue_address = models.CharField(_("venue address"), max_length=255, blank=True)
    commune = models.ForeignKey(
        "places.Commune",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("commune or ward"),
        help_text=_("Where the venue is, among the province's communes and wards."),
    )
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
    enterprises = ParentalManyToManyField(
        "partner.Partner",
        blank=True,
        related_name="events",
        verbose_name=_("participating enterprises"),
        help_text=_("Only enterprises approved by the Department can be chosen."),
    )
    info_url = models.URLField(_("registration or information link"), blank=True)

    base_form_class = EventPageForm
    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("starts"), FieldPanel("ends")], heading=_("Dates")),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("commune", widget=forms.Select),
            ],
            heading=_("Venue"),
        ),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("enterprises", widget=forms.CheckboxSelectMultiple),
        FieldPanel("info_url"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("venue_name"),
        index.SearchField("body"),
    ]
    parent_page_types = ["cms.EventIndexPage"]
    subpage_types = []
    # Cached as a listing (marketplace.page_cache.policies): an enterprise suspended drops off at once.
    lists_products = True

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if self.starts and self.ends and self.ends < self.starts:
            errors["ends"] = _("An event cannot end before it starts.")
        if self.commune_id and not home_province_communes().filter(pk=self.commune_id).exists():
            errors["commune"] = _("Choose a commune or ward of the province.")
        unapproved = [enterprise.name for enterprise in self.enterprises.all() if not enterprise.is_approved]
        if unapproved:
            errors["enterprises"] = _("Not approved by the Department: %(names)s.") % {
                "names": ", ".join(unapproved)
            }
        if errors:
            raise ValidationError(errors)

    @property
    def is_over(self):
        return self.ends < timezone.now()

    @property
    def ends_same_day(self):
        """Whether it ends on the day it starts, in the site's time: then only the end time is shown."""
        return timezone.localtime(self.starts).date() == timezone.localtime(self.ends).date()

    @cached_property
    def place(self):
        """The venue's commune with its province, in one query."""
        if self.commune_id is None:
            return None
        if EventPage.commune.is_cached(self) and Commune.province.is_cached(self.commune):
            return self.commune  # read with the event (select_related)
        return Commune.objects.select_related("province").filter(pk=self.commune_id).first()

    def place_page(self):
        """The live page about the venue's commune, in the event's language if it has one there."""
        from .place_pages import PlacePage

        if self.commune_id is None:
            return None
        pages = public(PlacePage.objects.live()).filter(commune_id=self.commune_id)
        return pages.filter(locale_id=self.locale_id).first() or pages.first()

    def participants(self):
        """The chosen enterprises still approved now, with a storefront to link to."""
        chosen = self.enterprises.all()
        return sorted(
            (enterprise for enterprise in chosen if enterprise.is_approved and enterprise.slug),
            key=lambda enterprise: enterprise.name,
        )

    def location(self):
        place = self.place
        parts = [self.venue_name, self.venue_address]
        if place is not None:
            parts += [place.name, place.province.name]
        return ", ".join(part for part in parts if part)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["enterprises"] = self.participants()
        context["place_page"] = self.place_page()
        return context

    def calendar_event(self, request):
        site = Site.find_for_request(request)
        host = site.hostname if site is not None else request.get_host().partition(":")[0]
        return icalendar.CalendarEvent(
            uid=f"event-{self.pk}@{host}",
            stamp=self.last_published_at or self.latest_revision_created_at or timezone.now(),
            starts=self.starts,
            ends=self.ends,
            summary=self.title,
            description=self.intro,
            location=self.location(),
            url=self.get_full_url(request) or "",
        )

    @path("ical/", name="ical")
    def calendar_file(self, request):
        """The event as a calendar file, to add to a phone's or computer's calendar."""
        return calendar_response(icalendar.calendar([self.calendar_event(request)]), self.slug)


def calendar_response(text, slug):
    response = HttpResponse(text.encode(), content_type=CALENDAR_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, f"{slug}.ics")
    return response
