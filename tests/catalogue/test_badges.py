"""Every badge rule: a badge comes only from a fact the Department verified, holding on the day asked.

Each test starts from a demo product stripped of its facts (no certificate, no lot,
origin only claimed, not a specialty) and adds exactly what the rule is about.
"""

from datetime import date, timedelta

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from catalogue import ocop, traceability
from catalogue.badges import verified_badges
from catalogue.gtin import digital_link_path, gtin_check_digit
from catalogue.models import (
    CertificateStatusChange,
    ClaimStatus,
    Lot,
    LotStep,
    OcopCertificate,
    Product,
)
from places.models import Province
from tests.factories import factless_product, ocop_certificate
from vendors.models import EnterpriseStatus
from vendors.review import move as move_enterprise

pytestmark = pytest.mark.django_db

Status = OcopCertificate.Status
DAY = date(2026, 6, 15)
GTIN = "893000000009" + gtin_check_digit("893000000009")


@pytest.fixture
def product():
    return factless_product(gtin="")


@pytest.fixture
def enterprise(product):
    return next(record.partner for record in product.stockrecords.all() if record.partner.is_approved)


@pytest.fixture
def other_province():
    province, _ = Province.objects.exclude(code=settings.MARKETPLACE_PROVINCE_CODE).get_or_create(
        code="46",
        defaults={"name": "Huế", "division_type": "Thành phố", "slug": "hue", "data_version": "test"},
    )
    return province


def codes(product, on=DAY):
    """The badge codes, read the way pages read them: one fresh product with its facts prefetched."""
    return [badge.code for badge in badges(product, on)]


def badges(product, on=DAY):
    return verified_badges(Product.objects.base_queryset().get(pk=product.pk), on)


def badge(product, code, on=DAY):
    return next(badge for badge in badges(product, on) if badge.code == code)


def certificate(product, enterprise, decision_date=date(2025, 3, 10), **fields):
    return ocop_certificate(product, enterprise, decision_date=decision_date, **fields)


def recorded_lot(product, code="LOT-01", steps=1, publish=True):
    lot = Lot.objects.create(product=product, lot_code=code, production_date=date(2026, 3, 1))
    for position in range(1, steps + 1):
        LotStep.objects.create(lot=lot, position=position, event=f"Bước {position}", date=date(2026, 3, 1))
    return traceability.publish(lot) if publish else lot


def test_the_stripped_product_has_no_badge(product):
    assert codes(product) == []


# --- OCOP stars ----------------------------------------------------------------------------


def test_a_verified_certificate_covering_the_product_gives_its_stars(product, enterprise):
    verified = certificate(product, enterprise, stars=4)
    assert codes(product) == ["ocop-4"]
    earned = badge(product, "ocop-4")
    assert "4" in earned.label
    assert verified.decision_number in earned.explanation
    assert earned.evidence_url == reverse("catalogue:ocop-certificate", kwargs={"pk": verified.pk})


def test_stars_hold_until_the_day_before_expiry_and_stop_on_the_expiry_day(product, enterprise):
    verified = certificate(product, enterprise, decision_date=date(2023, 5, 20))
    assert verified.expires_on == date(2026, 5, 20)
    assert codes(product, on=date(2023, 5, 20)) == ["ocop-4"]  # the decision day itself
    assert codes(product, on=date(2026, 5, 19)) == ["ocop-4"]
    assert codes(product, on=date(2026, 5, 20)) == []
    assert codes(product, on=date(2026, 5, 21)) == []


def test_no_stars_before_the_decision_date(product, enterprise):
    certificate(product, enterprise, decision_date=date(2026, 7, 1))
    assert codes(product, on=date(2026, 6, 30)) == []
    assert codes(product, on=date(2026, 7, 1)) == ["ocop-4"]


def test_the_date_defaults_to_today(product, enterprise):
    certificate(product, enterprise, decision_date=timezone.localdate() - timedelta(days=1))
    assert [b.code for b in verified_badges(Product.objects.get(pk=product.pk))] == ["ocop-4"]


@pytest.mark.parametrize("status", [Status.PENDING, Status.REJECTED, Status.REVOKED, Status.SUPERSEDED])
def test_a_certificate_that_is_not_verified_gives_nothing(product, enterprise, status):
    certificate(product, enterprise, status=status)
    assert codes(product) == []


def test_a_verified_certificate_not_covering_the_product_gives_nothing(product, enterprise):
    other = Product.objects.browsable().exclude(pk=product.pk).order_by("pk").first()
    certificate(other, enterprise, stars=5)
    assert codes(product) == []


def test_of_two_certificates_in_force_the_higher_stars_win(product, enterprise):
    certificate(product, enterprise, stars=5, decision_date=date(2024, 2, 1))
    certificate(product, enterprise, stars=3, decision_date=date(2026, 1, 10))
    assert codes(product) == ["ocop-5"]


def test_valid_until_overrides_the_36_months(product, enterprise):
    verified = certificate(
        product, enterprise, decision_date=date(2025, 3, 10), valid_until=date(2026, 3, 10)
    )
    assert verified.expires_on == date(2026, 3, 10)
    assert codes(product, on=date(2026, 3, 9)) == ["ocop-4"]
    assert codes(product, on=date(2026, 3, 10)) == []


def test_36_months_from_a_leap_day_end_on_the_28th_of_february(product, enterprise):
    verified = certificate(product, enterprise, decision_date=date(2024, 2, 29))
    assert verified.expires_on == date(2027, 2, 28)
    assert codes(product, on=date(2027, 2, 27)) == ["ocop-4"]
    assert codes(product, on=date(2027, 2, 28)) == []


# --- Verified origin -----------------------------------------------------------------------


@pytest.mark.parametrize("status", [ClaimStatus.CLAIMED, ClaimStatus.REJECTED])
def test_an_origin_not_verified_gives_nothing(product, status):
    product.origin_status = status
    product.save()
    assert codes(product) == []


def test_a_verified_origin_gives_a_badge_naming_the_province(product):
    product.origin_status = ClaimStatus.VERIFIED
    product.save()
    assert codes(product) == ["verified-origin"]
    earned = badge(product, "verified-origin")
    assert product.origin_province.name in earned.label
    assert product.origin_commune.name in earned.explanation
    assert earned.evidence_url == product.get_absolute_url() + "#origin"


def test_a_verified_origin_of_a_suspended_enterprise_gives_nothing(product, enterprise, reviewer):
    product.origin_status = ClaimStatus.VERIFIED
    product.save()
    for record in product.stockrecords.all():
        if record.partner.is_approved:
            move_enterprise(record.partner, EnterpriseStatus.SUSPENDED, by=reviewer, reason="Kiểm tra")
    assert codes(product) == []


# --- Traceable lot -------------------------------------------------------------------------


def test_a_draft_lot_gives_nothing(product):
    recorded_lot(product, publish=False)
    assert codes(product) == []


def test_a_published_lot_with_steps_gives_a_badge_linking_to_its_trace_page(product):
    lot = recorded_lot(product)
    assert codes(product) == ["traceable"]
    earned = badge(product, "traceable")
    assert lot.lot_code in earned.explanation
    assert earned.evidence_url == reverse(
        "catalogue:trace", kwargs={"product_pk": product.pk, "lot": lot.lot_code}
    )


def test_with_a_gtin_the_trace_link_is_the_digital_link(product):
    product.gtin = GTIN
    product.save()
    lot = recorded_lot(product)
    assert badge(product, "traceable").evidence_url == digital_link_path(GTIN, lot.lot_code)


def test_a_lot_without_steps_cannot_be_published(product):
    lot = recorded_lot(product, steps=0, publish=False)
    with pytest.raises(ValidationError):
        traceability.publish(lot)
    lot.refresh_from_db()
    assert lot.status == Lot.Status.DRAFT
    assert codes(product) == []


# --- Specialty of the province -------------------------------------------------------------


def test_a_specialty_needs_the_flag_a_verified_origin_and_the_home_province(product):
    product.is_provincial_specialty = True
    product.origin_status = ClaimStatus.VERIFIED
    product.save()
    assert codes(product) == ["verified-origin", "specialty"]
    earned = badge(product, "specialty")
    assert product.origin_province.name in earned.label
    assert earned.evidence_url == product.get_absolute_url() + "#origin"


def test_the_specialty_flag_alone_gives_nothing(product):
    product.is_provincial_specialty = True
    product.save()
    assert codes(product) == []


def test_a_specialty_from_another_province_gives_no_specialty_badge(product, other_province):
    product.is_provincial_specialty = True
    product.origin_status = ClaimStatus.VERIFIED
    product.origin_province, product.origin_commune = other_province, None
    product.save()
    assert codes(product) == ["verified-origin"]


def test_without_a_verified_origin_the_flag_gives_no_specialty_badge(product):
    product.is_provincial_specialty = True
    product.origin_status = ClaimStatus.REJECTED
    product.save()
    assert codes(product) == []


# --- What an enterprise types ---------------------------------------------------------------


def test_nothing_typed_by_an_enterprise_makes_a_badge_on_its_own(product, enterprise):
    product.gtin = GTIN
    product.origin_wording = "huyện Vĩnh Linh, tỉnh Quảng Trị"
    product.origin_status = ClaimStatus.CLAIMED
    product.is_provincial_specialty = False
    product.save()
    certificate(product, enterprise, stars=5, status=Status.PENDING)
    recorded_lot(product, steps=3, publish=False)
    assert codes(product) == []


def test_all_four_badges_at_once_in_a_fixed_order(product, enterprise):
    product.is_provincial_specialty = True
    product.origin_status = ClaimStatus.VERIFIED
    product.save()
    certificate(product, enterprise, stars=3)
    recorded_lot(product)
    assert codes(product) == ["ocop-3", "verified-origin", "traceable", "specialty"]


# --- Recording and verifying certificates --------------------------------------------------


@pytest.mark.parametrize("stars", [2, 6])
def test_only_3_4_and_5_stars_are_recognitions(stars):
    with pytest.raises(ValidationError) as refused:
        ocop.check_certificate(date(2025, 1, 1), None, stars)
    assert "stars" in refused.value.message_dict


@pytest.mark.parametrize("stars", [3, 4, 5])
def test_3_4_and_5_stars_are_accepted(stars):
    ocop.check_certificate(date(2025, 1, 1), None, stars)


@pytest.mark.parametrize("valid_until", [date(2024, 12, 31), date(2025, 1, 1)])
def test_a_recognition_must_end_after_its_decision_date(valid_until):
    with pytest.raises(ValidationError) as refused:
        ocop.check_certificate(date(2025, 1, 1), valid_until, 4)
    assert "valid_until" in refused.value.message_dict


def test_verifying_a_pending_certificate_records_who_and_when(product, enterprise, reviewer):
    pending = certificate(product, enterprise, status=Status.PENDING)
    change = ocop.move(pending, Status.VERIFIED, by=reviewer)
    pending.refresh_from_db()
    assert pending.status == Status.VERIFIED
    assert (change.from_status, change.to_status, change.changed_by) == (
        Status.PENDING,
        Status.VERIFIED,
        reviewer,
    )
    assert list(CertificateStatusChange.objects.filter(certificate=pending)) == [change]
    assert codes(product) == ["ocop-4"]


def test_a_verified_certificate_cannot_go_back_to_pending(product, enterprise, reviewer):
    verified = certificate(product, enterprise)
    with pytest.raises(ValidationError):
        ocop.move(verified, Status.PENDING, by=reviewer)
    verified.refresh_from_db()
    assert verified.status == Status.VERIFIED
    assert not CertificateStatusChange.objects.filter(certificate=verified).exists()


def test_revoking_needs_a_reason_and_removes_the_stars(product, enterprise, reviewer):
    verified = certificate(product, enterprise)
    with pytest.raises(ValidationError):
        ocop.move(verified, Status.REVOKED, by=reviewer, reason="  ")
    assert codes(product) == ["ocop-4"]
    ocop.move(verified, Status.REVOKED, by=reviewer, reason="Mẫu kiểm tra không đạt.")
    assert CertificateStatusChange.objects.get(certificate=verified).reason == "Mẫu kiểm tra không đạt."
    assert codes(product) == []


def test_a_superseded_certificate_gives_way_to_its_successor(product, enterprise, reviewer):
    older = certificate(product, enterprise, stars=3, decision_date=date(2024, 1, 5))
    newer = certificate(product, enterprise, stars=4, decision_date=date(2026, 1, 5), status=Status.PENDING)
    ocop.move(newer, Status.VERIFIED, by=reviewer)
    ocop.move(older, Status.SUPERSEDED, by=reviewer, superseded_by=newer)
    older.refresh_from_db()
    assert older.superseded_by == newer
    assert codes(product) == ["ocop-4"]


# --- Traceability lots ---------------------------------------------------------------------


def test_a_lot_code_cannot_be_reused_for_the_same_product(product):
    recorded_lot(product, code="VL2603-01")
    with pytest.raises(ValidationError) as refused:
        traceability.check_new_lot(product, "VL2603-01")
    assert "lot_code" in refused.value.message_dict
    other = Product.objects.browsable().exclude(pk=product.pk).order_by("pk").first()
    traceability.check_new_lot(other, "VL2603-01")  # another product may use the same code
    traceability.check_new_lot(product, "VL2603-02")


def test_a_step_cannot_be_dated_in_the_future():
    today = date(2026, 6, 15)
    traceability.check_step_date(today, today=today)
    traceability.check_step_date(date(2026, 6, 14), today=today)
    with pytest.raises(ValidationError):
        traceability.check_step_date(date(2026, 6, 16), today=today)
    with pytest.raises(ValidationError):
        traceability.check_step_date(timezone.localdate() + timedelta(days=1))


def test_revising_makes_a_draft_revision_2_and_leaves_revision_1_as_published(product):
    first = recorded_lot(product, steps=2)
    published_at = first.date_published
    second = traceability.revise(Lot.objects.get(pk=first.pk), "Sửa ngày thu hoạch")

    assert (second.revision, second.status, second.change_note) == (2, "draft", "Sửa ngày thu hoạch")
    assert second.pk != first.pk
    assert [(s.position, s.event) for s in second.steps.all()] == [(1, "Bước 1"), (2, "Bước 2")]

    first.refresh_from_db()
    assert (first.revision, first.status, first.date_published) == (1, "published", published_at)
    assert [(s.position, s.event) for s in first.steps.all()] == [(1, "Bước 1"), (2, "Bước 2")]
    assert traceability.current_revision(product, first.lot_code) == first
    assert badge(product, "traceable").explanation.count(first.lot_code) == 1


def test_revising_a_draft_changes_nothing(product):
    draft = recorded_lot(product, publish=False)
    assert traceability.revise(draft, "x") == draft
    assert Lot.objects.filter(product=product).count() == 1
