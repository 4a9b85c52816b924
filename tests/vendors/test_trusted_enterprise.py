"""The "Trusted enterprise" badge is decided from the record's figures at fixed thresholds, with
the figures that earned it or the reasons it is not given; exactly at a threshold still earns it."""

from dataclasses import replace
from datetime import date

import pytest
from django.utils import translation

from vendors.track_record.figures import EnterpriseRecord, Figure
from vendors.track_record.trust import trusted_enterprise

LIMITS = {
    "MIN_PARCELS": 10,
    "MIN_SHIPPED_ON_TIME": 0.90,
    "MAX_CANCELLED": 0.05,
    "MIN_RATING": 4.0,
    "MIN_REVIEWS": 3,
    "MIN_CERTIFICATES": 1,
}

# Every figure exactly at its threshold.
AT_THE_EDGE = EnterpriseRecord(
    enterprise_id=1,
    counted_on=date(2026, 12, 5),
    rating=Figure(4.0, 3, 3),
    shipped_on_time=Figure(0.90, 20, 5),
    cancelled=Figure(0.05, 20, 5),
    approved_on=date(2024, 1, 1),
    certificates_in_force=1,
)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_an_enterprise_at_every_threshold_earns_the_badge_with_its_evidence():
    verdict = trusted_enterprise(AT_THE_EDGE, LIMITS)
    assert verdict.earned and not verdict.reasons
    assert "20 parcels confirmed in the last 90 days." in verdict.evidence
    assert "90 % of parcels shipped within 2 days of confirmation." in verdict.evidence
    assert "5 % of parcels cancelled by the enterprise." in verdict.evidence
    assert "Rated 4.0/5 by 3 verified buyers." in verdict.evidence
    assert "1 OCOP certificate in force." in verdict.evidence


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"cancelled": Figure(0.0, 9, 5), "shipped_on_time": Figure(1.0, 9, 5)}, "Fewer than 10 parcels"),
        ({"shipped_on_time": Figure(0.89, 20, 5)}, "Fewer than 90 % of parcels shipped"),
        ({"shipped_on_time": Figure(None, 0, 5)}, "too few parcels to tell"),
        ({"cancelled": Figure(0.051, 20, 5)}, "More than 5 % of parcels cancelled"),
        ({"rating": Figure(3.99, 10, 3)}, "Not rated 4.0/5 or more"),
        ({"rating": Figure(5.0, 2, 3)}, "by at least 3 verified buyers"),
        ({"certificates_in_force": 0}, "No OCOP certificate in force."),
    ],
)
def test_one_figure_past_its_threshold_withholds_the_badge_and_says_why(change, reason):
    verdict = trusted_enterprise(replace(AT_THE_EDGE, **change), LIMITS)
    assert not verdict.earned
    assert any(reason in line for line in verdict.reasons), verdict.reasons


def test_a_new_enterprise_has_no_badge_and_every_reason():
    new = EnterpriseRecord(
        1, date(2026, 12, 5), Figure(None, 0, 3), Figure(None, 0, 5), Figure(None, 0, 5), None, 0
    )
    verdict = trusted_enterprise(new, LIMITS)
    assert not verdict.earned and not verdict.evidence
    assert len(verdict.reasons) == 5


def test_the_badge_cannot_be_stored_on_an_enterprise():
    from vendors.models import Partner

    names = {field.name for field in Partner._meta.get_fields()}
    assert not {name for name in names if "trust" in name}
