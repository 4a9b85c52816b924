"""Fairs and events (issue 19): an event page with its dates, venue and approved enterprises, its
calendar file, the index of upcoming and past events, and the home page's block of upcoming ones."""

from datetime import UTC, datetime, timedelta

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.translation import gettext
from oscar.core.loading import get_model

from cms.models import EventIndexPage, EventKind, EventPage, HomePage
from vendors.models import EnterpriseStatus

Partner = get_model("partner", "Partner")
Commune = get_model("places", "Commune")

pytestmark = pytest.mark.django_db

CALENDAR_TITLE = "Hội chợ OCOP Quảng Trị, lần thứ 5; mùa xuân"


@pytest.fixture(autouse=True)
def _pages_built_afresh(settings):
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def index():
    existing = EventIndexPage.objects.first()
    if existing is not None:
        return existing
    page = HomePage.objects.get().add_child(
        instance=EventIndexPage(title="Hội chợ và sự kiện", slug="su-kien")
    )
    page.save_revision().publish()
    return page


def communes():
    return Commune.objects.filter(province__code=settings.MARKETPLACE_PROVINCE_CODE).order_by("code")


def approved(count):
    return list(Partner.objects.approved().exclude(slug=None).order_by("name")[:count])


def event(index, title, starts, hours=8, publish=True, **fields):
    fields.setdefault("venue_name", "Quảng trường Tây Hồ")
    fields.setdefault("intro", "Gian hàng OCOP của các xã, phường trong tỉnh.")
    enterprises = fields.pop("enterprises", [])
    page = EventPage(
        title=title,
        slug=f"su-kien-{EventPage.objects.count() + 1}-{starts:%Y%m%d%H%M}",
        starts=starts,
        ends=starts + timedelta(hours=hours),
        live=publish,
        **fields,
    )
    page.enterprises = enterprises
    index.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page


def in_days(days, hour=8):
    local = timezone.localtime() + timedelta(days=days)
    return local.replace(hour=hour, minute=0, second=0, microsecond=0)


# --- The event page --------------------------------------------------------------------------


def test_event_page_shows_its_dates_venue_and_enterprises_with_their_storefronts(client, index):
    first, second = approved(2)
    commune = communes().first()
    page = event(
        index,
        "Phiên chợ OCOP cuối tuần",
        in_days(10),
        kind=EventKind.MARKET_DAY,
        venue_address="12 Lê Lợi",
        commune=commune,
        enterprises=[first, second],
        info_url="https://example.vn/dang-ky",
    )

    html = client.get(page.url).content.decode()

    assert escape(date_format(timezone.localtime(page.starts), "DATETIME_FORMAT")) in html
    assert escape(date_format(timezone.localtime(page.ends), "TIME_FORMAT")) in html
    assert "Quảng trường Tây Hồ" in html and "12 Lê Lợi" in html and commune.name in html
    assert f'href="/enterprises/{first.slug}/"' in html and escape(second.name) in html
    assert 'href="https://example.vn/dang-ky"' in html
    assert f'href="{page.url}ical/"' in html


def test_an_enterprise_suspended_after_the_event_was_published_is_no_longer_shown(client, index):
    kept, suspended = approved(2)
    page = event(index, "Hội chợ đặc sản", in_days(5), enterprises=[kept, suspended])
    Partner.objects.filter(pk=suspended.pk).update(status=EnterpriseStatus.SUSPENDED)

    html = client.get(page.url).content.decode()

    assert escape(kept.name) in html
    assert escape(suspended.name) not in html


def test_event_page_costs_the_same_queries_with_one_or_many_enterprises(client, index):
    one = event(index, "Một gian hàng", in_days(3), commune=communes().first(), enterprises=approved(1))
    many = event(index, "Nhiều gian hàng", in_days(4), commune=communes().first(), enterprises=approved(8))
    client.get(one.url), client.get(many.url)

    with CaptureQueriesContext(connection) as with_one:
        client.get(one.url)
    with CaptureQueriesContext(connection) as with_many:
        client.get(many.url)

    assert len(with_many) == len(with_one)


def test_an_unapproved_enterprise_cannot_be_saved_with_an_event(index):
    waiting = Partner.objects.exclude(status=EnterpriseStatus.APPROVED).order_by("pk").first()

    with pytest.raises(ValidationError) as refused:
        event(index, "Hội chợ", in_days(5), enterprises=[waiting])

    assert "enterprises" in refused.value.message_dict


def test_an_event_cannot_end_before_it_starts(index):
    page = EventPage(title="Hội chợ", slug="hoi-cho-nguoc", starts=in_days(5), ends=in_days(4), intro="…")
    page.venue_name = "Nhà văn hóa"

    with pytest.raises(ValidationError) as refused:
        index.add_child(instance=page)

    assert refused.value.message_dict["ends"] == [gettext("An event cannot end before it starts.")]


def test_a_venue_outside_the_province_is_refused(index):
    elsewhere = Commune.objects.exclude(province__code=settings.MARKETPLACE_PROVINCE_CODE).first()

    with pytest.raises(ValidationError) as refused:
        event(index, "Hội chợ", in_days(5), commune=elsewhere)

    assert "commune" in refused.value.message_dict


# --- In the Wagtail admin --------------------------------------------------------------------


def admin_form(client, index):
    return client.get(f"/cms/pages/add/cms/eventpage/{index.pk}/").context["form"]


def test_the_admin_offers_only_approved_enterprises_and_the_provinces_communes(client, editor, index):
    client.force_login(editor)
    form = admin_form(client, index)

    offered = set(form.fields["enterprises"].queryset.values_list("status", flat=True))
    places = set(form.fields["commune"].queryset.values_list("province__code", flat=True))

    assert offered == {EnterpriseStatus.APPROVED}
    assert places == {settings.MARKETPLACE_PROVINCE_CODE}


def admin_post(client, index, **fields):
    data = {
        "title": "Hội chợ mùa thu",
        "slug": "hoi-cho-mua-thu",
        "kind": EventKind.FAIR,
        "starts": "2030-10-02 08:00",
        "ends": "2030-10-04 17:00",
        "venue_name": "Quảng trường",
        "intro": "Gian hàng OCOP.",
        "body-count": "0",
        "action-publish": "action-publish",
        **fields,
    }
    return client.post(f"/cms/pages/add/cms/eventpage/{index.pk}/", data)


def test_an_editor_is_told_when_the_end_is_before_the_start(client, editor, index):
    client.force_login(editor)

    response = admin_post(client, index, ends="2030-10-01 17:00")

    assert response.status_code == 200
    assert response.context["form"].errors["ends"] == [gettext("An event cannot end before it starts.")]
    assert not EventPage.objects.filter(slug="hoi-cho-mua-thu").exists()


def test_an_editor_cannot_pick_an_unapproved_enterprise(client, editor, index):
    client.force_login(editor)
    rejected = Partner.objects.exclude(status=EnterpriseStatus.APPROVED).order_by("pk").first()

    response = admin_post(client, index, enterprises=[str(rejected.pk)])

    assert response.status_code == 200
    assert "enterprises" in response.context["form"].errors
    assert not EventPage.objects.filter(slug="hoi-cho-mua-thu").exists()


def test_an_editor_publishes_an_event_with_approved_enterprises(client, editor, index):
    client.force_login(editor)
    chosen = approved(2)

    response = admin_post(
        client, index, commune=str(communes().first().pk), enterprises=[str(e.pk) for e in chosen]
    )

    assert response.status_code == 302
    page = EventPage.objects.get(slug="hoi-cho-mua-thu")
    assert page.live and set(page.enterprises.all()) == set(chosen)
    assert timezone.localtime(page.starts).hour == 8  # entered in the province's time


# --- The calendar file -----------------------------------------------------------------------


def unfolded(body):
    """Content lines of an iCalendar body, folded lines joined again (RFC 5545 section 3.1)."""
    return body.replace("\r\n ", "").split("\r\n")


def properties(lines):
    return dict(line.split(":", 1) for line in lines if line and not line.startswith(("BEGIN", "END")))


def test_the_calendar_file_describes_the_event_in_utc(client, index):
    starts = datetime(2030, 3, 14, 8, 30, tzinfo=timezone.get_current_timezone())
    page = event(
        index,
        CALENDAR_TITLE,
        starts,
        intro="Hơn 120 gian hàng: nước mắm, hồ tiêu, cà phê; mật ong rừng tràm.\nVào cửa tự do.",
        venue_address="Đường Hùng Vương",
        commune=communes().first(),
    )

    response = client.get(f"{page.url}ical/")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{page.slug}.ics"'
    raw = response.content
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    lines = unfolded(raw.decode())
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR"
    assert lines.count("BEGIN:VEVENT") == 1
    fields = properties(lines)
    assert fields["VERSION"] == "2.0" and fields["CALSCALE"] == "GREGORIAN" and fields["METHOD"] == "PUBLISH"
    assert fields["PRODID"]
    assert fields["DTSTART"] == "20300314T013000Z"  # 08:30 in Hà Nội time is 01:30 UTC
    assert fields["DTEND"] == "20300314T093000Z"
    assert fields["SUMMARY"] == "Hội chợ OCOP Quảng Trị\\, lần thứ 5\\; mùa xuân"
    assert fields["DESCRIPTION"].endswith("mật ong rừng tràm.\\nVào cửa tự do.")
    commune = communes().first()
    assert fields["LOCATION"] == (
        f"Quảng trường Tây Hồ\\, Đường Hùng Vương\\, {commune.name}\\, {commune.province.name}"
    )
    assert fields["URL"] == page.full_url
    stamp = datetime.strptime(fields["DTSTAMP"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    assert abs(stamp - EventPage.objects.get(pk=page.pk).last_published_at) < timedelta(seconds=1)


def test_the_calendar_uid_stays_the_same_between_downloads(client, index):
    page = event(index, "Hội chợ", in_days(5))

    first = properties(unfolded(client.get(f"{page.url}ical/").content.decode()))["UID"]
    page.save_revision().publish()
    second = properties(unfolded(client.get(f"{page.url}ical/").content.decode()))["UID"]

    assert first == second and str(page.pk) in first


def test_the_index_calendar_holds_the_upcoming_events_only(client, index):
    soon = event(index, "Sắp diễn ra", in_days(2))
    over = event(index, "Đã qua", in_days(-20))

    body = client.get(f"{index.url}ical/").content.decode()

    summaries = [line for line in unfolded(body) if line.startswith("SUMMARY:")]
    assert f"SUMMARY:{soon.title}" in summaries
    assert f"SUMMARY:{over.title}" not in summaries


# --- The index and the home page ------------------------------------------------------------


def test_the_index_splits_events_at_now(client, index):
    later = event(index, "Hội chợ tháng sau", in_days(30))
    soon = event(index, "Phiên chợ tuần này", in_days(2))
    ongoing = event(index, "Đang diễn ra", timezone.now() - timedelta(hours=1), hours=3)
    last_month = event(index, "Hội chợ tháng trước", in_days(-30))
    last_week = event(index, "Phiên chợ tuần trước", in_days(-7))
    draft = event(index, "Bản nháp", in_days(1), publish=False)

    response = client.get(index.url)

    upcoming = [page.pk for page in response.context["upcoming"]]
    past = [page.pk for page in response.context["past"]]
    assert upcoming.index(ongoing.pk) < upcoming.index(soon.pk) < upcoming.index(later.pk)
    assert past.index(last_week.pk) < past.index(last_month.pk)
    assert not {last_week.pk, last_month.pk} & set(upcoming)
    assert draft.pk not in upcoming + past


def test_a_wrong_page_number_still_shows_the_index(client, index):
    event(index, "Hội chợ tháng trước", in_days(-30))

    assert client.get(f"{index.url}?page=abc").status_code == 200
    assert client.get(f"{index.url}?page=999").status_code == 200


def home_with_events_block(count=3):
    home = HomePage.objects.get()
    home.body = [("upcoming_events", {"heading": "Hội chợ sắp tới", "count": count, "kind": ""})]
    home.save_revision().publish()


def home_queries(client):
    client.get("/")
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/")
    return len(captured), response.content.decode()


def test_the_home_page_block_lists_upcoming_events_at_a_constant_cost(client, index):
    EventPage.objects.update(live=False)  # the demo's own events aside
    home_with_events_block(count=6)
    over = event(index, "Hội chợ đã qua", in_days(-3))
    first = event(index, "Hội chợ đầu tiên", in_days(3))
    one, html = home_queries(client)
    assert escape(first.title) in html and escape(over.title) not in html

    more = [event(index, f"Hội chợ thứ {n}", in_days(3 + n)) for n in range(2, 6)]
    five, html = home_queries(client)

    assert all(escape(page.title) in html for page in more)
    assert five == one


def test_the_block_shows_only_the_kind_it_asks_for(client, index):
    EventPage.objects.update(live=False)
    home = HomePage.objects.get()
    home.body = [("upcoming_events", {"heading": "Hội thảo", "count": 3, "kind": EventKind.WORKSHOP})]
    home.save_revision().publish()
    workshop = event(index, "Hội thảo bao bì", in_days(4), kind=EventKind.WORKSHOP)
    fair = event(index, "Hội chợ xuân", in_days(4), kind=EventKind.FAIR)

    html = client.get("/").content.decode()

    assert escape(workshop.title) in html and escape(fair.title) not in html


def test_bootstrap_makes_one_events_index_under_the_home_page():
    from marketplace.operations.bootstrap import ensure_event_index

    home = HomePage.objects.get()
    EventIndexPage.objects.child_of(home).first().delete()

    first = ensure_event_index(home)
    again = ensure_event_index(home)

    assert first.created and not again.created
    assert EventIndexPage.objects.child_of(home).live().count() == 1


def test_the_demo_has_two_upcoming_fairs_and_a_past_one_on_its_events_index(client):
    index = EventIndexPage.objects.live().get()

    response = client.get(index.url)

    assert len(response.context["upcoming"]) == 2 and len(response.context["past"]) == 1
    assert all(event.participants() for event in response.context["upcoming"])
    html = client.get("/").content.decode()
    assert all(escape(event.title) in html for event in response.context["upcoming"])
