"""The block that announces the next fairs and events on a page (the home page above all)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .event_kinds import EventKind


class UpcomingEventsBlock(blocks.StructBlock):
    """The next few events as cards: one query, however many are shown."""

    heading = blocks.CharBlock(label=_("Heading"), default=_("Upcoming fairs and events"))
    count = blocks.IntegerBlock(label=_("How many"), default=3, min_value=1, max_value=12)
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=EventKind.choices,
        required=False,
        help_text=_("Leave empty to show events of every kind."),
    )

    def get_context(self, value, parent_context=None):
        from .events import EventPage, upcoming_events  # the pages use the blocks, not the reverse

        context = super().get_context(value, parent_context)
        events = upcoming_events(EventPage.objects.select_related("commune"))
        if (page := (parent_context or {}).get("page")) is not None:
            events = events.filter(locale_id=page.locale_id)  # the page's language's events
        if value.get("kind"):
            events = events.filter(kind=value["kind"])
        context["events"] = list(events[: value["count"]])
        return context

    class Meta:
        icon = "date"
        label = _("Upcoming events")
        template = "cms/blocks/upcoming_events.html"
