"""The demo's fairs and events (data/events.toml): two ahead of the day it is loaded, one behind."""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone
from oscar.core.loading import get_model

from . import loader

EVENTS = loader.read("events")


def ensure_events(home):
    """The events index under the home page (bootstrap's, if it made one) with the demo's events,
    and the block of upcoming fairs on the home page. Idempotent: existing pages are left as they are."""
    from cms.models import EventIndexPage, EventPage

    index = EventIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(instance=EventIndexPage(**EVENTS["index"]))
        index.save_revision().publish()
    _announce_on(home)
    today = timezone.localdate()
    for spec in EVENTS["event"]:
        if EventPage.objects.filter(slug=spec["slug"]).exists():
            continue
        first_day = today + timedelta(days=spec["starts_in_days"])
        last_day = first_day + timedelta(days=spec["days"] - 1)
        page = EventPage(
            title=spec["title"],
            slug=spec["slug"],
            kind=spec["kind"],
            starts=_at(first_day, spec["starts_at"]),
            ends=_at(last_day, spec["ends_at"]),
            venue_name=spec["venue_name"],
            venue_address=spec["venue_address"],
            commune=_commune(spec["commune"]),
            intro=spec["intro"],
        )
        page.enterprises = list(get_model("partner", "Partner").objects.approved().order_by("name"))[
            : spec["enterprises"]
        ]
        index.add_child(instance=page)
        page.save_revision().publish()
    return index


def _at(day, hour):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _commune(name):
    communes = get_model("places", "Commune").objects
    return communes.filter(province__code=settings.MARKETPLACE_PROVINCE_CODE, name=name).first()


def _announce_on(home):
    """The block of upcoming fairs, second on the home page (after its opening paragraph)."""
    home = home.specific
    if any(block.block_type == "upcoming_events" for block in home.body):
        return
    block = ("upcoming_events", {**EVENTS["block"], "kind": ""})
    home.body.insert(min(1, len(home.body)), block)
    home.save_revision().publish()
