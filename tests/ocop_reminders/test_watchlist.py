"""The Department's watchlist of verified certificates by the days they have left: filtered, counted
and paginated in the database, the counts checked against the rule computed in Python."""

import random
from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from tests.catalogue.ocop_dashboard import url
from tests.factories import enterprise_of
from tests.ocop_reminders.certificates import OcopCertificate, Status, lapsing

pytestmark = pytest.mark.django_db

WATCHLIST = url("ocop-expiry-list")


def days_left(certificate, today):
    return (certificate.expires_on - today).days


@pytest.fixture
def generated(vendor1, vendor2):
    """60 certificates of two enterprises, spread from long lapsed to years ahead, some not verified."""
    today = timezone.localdate()
    rng = random.Random(18)
    enterprises = [enterprise_of(vendor1), enterprise_of(vendor2)]
    statuses = [Status.VERIFIED] * 6 + [Status.PENDING, Status.REVOKED, Status.SUPERSEDED, Status.REJECTED]
    for n in range(60):
        lapsing(
            rng.choice(enterprises),
            today,
            rng.choice([-400, -30, -1, 0, 1, 7, 29, 30, 31, 59, 60, 61, 89, 90, 91, 200, 700]),
            stated=rng.random() < 0.3,
            status=rng.choice(statuses),
            number=f"{n}/QĐ-UBND",
            stars=rng.choice([3, 4, 5]),
        )
    return today


def verified():
    return [c for c in OcopCertificate.objects.select_related("enterprise") if c.status == Status.VERIFIED]


def listed(client, **query):
    """Every certificate the watchlist shows for ``query``, page after page."""
    certificates, page = [], 1
    while True:
        response = client.get(WATCHLIST, {**query, "page": page})
        assert response.status_code == 200
        certificates += response.context["certificates"]
        if not response.context["page_obj"].has_next():
            return certificates, response
        page += 1


def test_reviewers_see_every_verified_certificate_expired_first_then_soonest(reviewing, generated):
    certificates, response = listed(reviewing)
    assert [c.pk for c in certificates] == [
        c.pk for c in sorted(verified(), key=lambda c: (c.expires_on, c.pk))
    ]
    assert response.context["paginator"].count == len(verified())
    assert response.context["paginator"].num_pages > 1  # 25 a page


@pytest.mark.parametrize(
    "window, holds",
    [
        ("expired", lambda days: days <= 0),
        ("30", lambda days: 1 <= days <= 30),
        ("60", lambda days: 1 <= days <= 60),
        ("90", lambda days: 1 <= days <= 90),
    ],
)
def test_each_window_lists_and_counts_what_the_rule_says(reviewing, generated, window, holds):
    expected = {c.pk for c in verified() if holds(days_left(c, generated))}
    certificates, response = listed(reviewing, window=window)
    assert {c.pk for c in certificates} == expected
    assert all(c.days_left == days_left(c, generated) for c in certificates)
    counts = {key: n for key, _label, n in response.context["status_counts"]}
    assert counts[window] == len(expected)
    assert response.context["total_count"] == len(verified())


def test_the_list_narrows_by_enterprise_name_commune_and_stars(reviewing, generated, vendor2):
    enterprise = enterprise_of(vendor2)
    assert enterprise.commune_id
    query = {
        "window": "90",
        "enterprise": f" {enterprise.name[-8:]} ",
        "commune": enterprise.commune_id,
        "stars": "4",
    }
    expected = {
        c.pk
        for c in verified()
        if c.enterprise_id == enterprise.pk and c.stars == 4 and 1 <= days_left(c, generated) <= 90
    }
    certificates, _response = listed(reviewing, **query)
    assert {c.pk for c in certificates} == expected and expected


def test_each_row_shows_days_left_and_links_to_the_certificate_and_its_enterprise(reviewing, vendor1):
    today = timezone.localdate()
    certificate = lapsing(enterprise_of(vendor1), today, 12, number="4321/QĐ-UBND")
    response = reviewing.get(WATCHLIST, {"window": "30", "enterprise": certificate.enterprise.name})
    html = response.content.decode()
    assert url("ocop-review-detail", pk=certificate.pk) in html
    assert url("enterprise-review-detail", pk=certificate.enterprise_id) in html
    assert 'data-days-left="12"' in html


def test_bad_filters_are_explained_in_vietnamese_and_the_whole_list_is_shown(reviewing, generated):
    response = reviewing.get(WATCHLIST, {"window": "45", "commune": "999999", "stars": "9"})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"window", "commune", "stars"}
    assert "Một số bộ lọc không hợp lệ" in response.content.decode()
    assert response.context["paginator"].count == len(verified())


def test_a_page_past_the_end_is_not_found_rather_than_an_error(reviewing, generated):
    assert reviewing.get(WATCHLIST, {"page": "999"}).status_code == 404


@pytest.mark.parametrize("who", ["anonymous", "shopper", "vendor1"])
def test_enterprises_and_shoppers_cannot_reach_the_watchlist(client, request, who):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    response = client.get(WATCHLIST)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "login" in response["Location"]


def test_the_watchlist_is_in_the_reviewers_dashboard_menu_only(reviewing, client, vendor1):
    assert WATCHLIST in reviewing.get(url("ocop-review-list")).content.decode()
    client.force_login(vendor1)
    assert WATCHLIST not in client.get(url("ocop-certificate-list")).content.decode()


def test_the_certificates_lapsing_tomorrow_and_today_sit_either_side_of_expired(reviewing, vendor1):
    today = timezone.localdate()
    enterprise = enterprise_of(vendor1)
    today_lapse = lapsing(enterprise, today, 0, number="A/QĐ")
    tomorrow = lapsing(enterprise, today, 1, number="B/QĐ")
    expired, _ = listed(reviewing, window="expired")
    within, _ = listed(reviewing, window="30")
    assert today_lapse in expired and today_lapse not in within
    assert tomorrow in within and tomorrow not in expired
    assert today + timedelta(days=1) == tomorrow.expires_on


def test_the_windows_are_named_in_the_reviewers_language(reviewing, in_english):
    english = reviewing.get(WATCHLIST).content.decode()
    assert "Within 30 days" in english
    reviewing.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    assert "Trong vòng 30 ngày" in reviewing.get(WATCHLIST, follow=True).content.decode()
