"""The demo province shows every badge state, from facts that read like real papers."""

import datetime
import re

import pytest
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue.badges import verified_badges
from catalogue.gtin import is_valid_gtin
from catalogue.models import (
    CertificateStatusChange,
    ClaimStatus,
    Lot,
    LotCertification,
    LotStep,
    OcopCertificate,
)
from catalogue.ocop import is_in_force
from marketplace.demo import content, facts

Product = get_model("catalogue", "Product")
Status = OcopCertificate.Status

pytestmark = pytest.mark.django_db


def standing(certificate, today):
    if certificate.status == Status.VERIFIED:
        return "in-force" if is_in_force(certificate, today) else "expired"
    return certificate.status


def standings_by_product(today):
    products = Product.objects.prefetch_related("ocop_certificates")
    return {product: {standing(c, today) for c in product.ocop_certificates.all()} for product in products}


def test_products_show_every_certificate_standing():
    by_product = standings_by_product(timezone.localdate())
    assert any("in-force" in standings for standings in by_product.values())
    assert any(standings == {"pending"} for standings in by_product.values())
    assert any(standings == {"expired"} for standings in by_product.values())
    assert any("revoked" in standings for standings in by_product.values())
    assert any({"superseded", "in-force"} <= standings for standings in by_product.values())
    in_force = [c for c in OcopCertificate.objects.all() if is_in_force(c, timezone.localdate())]
    assert len(in_force) >= 5
    assert {3, 4, 5} <= {certificate.stars for certificate in in_force}


def test_a_superseded_recognition_points_at_its_upgrade():
    upgrades = OcopCertificate.objects.filter(
        status=Status.SUPERSEDED, superseded_by__evaluation=OcopCertificate.Evaluation.UPGRADE
    )
    old = upgrades.select_related("superseded_by").first()
    assert old.superseded_by.status == Status.VERIFIED
    assert old.superseded_by.decision_date > old.decision_date
    assert old.superseded_by.stars > old.stars
    assert set(old.superseded_by.products.all()) == set(old.products.all())


def test_the_department_made_every_move_and_gave_its_reasons():
    for certificate in OcopCertificate.objects.exclude(status=Status.PENDING):
        moves = list(certificate.status_changes.order_by("pk").values_list("from_status", "to_status"))
        assert moves[0] == (Status.PENDING, Status.VERIFIED)
    assert not CertificateStatusChange.objects.exclude(changed_by__email="reviewer@demo.vn").exists()
    revocation = CertificateStatusChange.objects.get(to_status=Status.REVOKED)
    assert "thu hồi" in revocation.reason


def expected_issuer_kind(certificate):
    when, stars = certificate.decision_date, certificate.stars
    if stars == 5:
        return "ministry"
    if when < datetime.date(2023, 2, 24):
        return "old province"
    if when < datetime.date(2025, 7, 6):
        return "district" if stars == 3 else "old province"
    return "Quảng Trị"


def issuer_kind(issuer):
    if issuer.startswith("Bộ "):
        return "ministry"
    if issuer == "UBND tỉnh Quảng Trị":
        return "Quảng Trị"  # before the merger too, for the former Quảng Trị
    if issuer.startswith("UBND tỉnh "):
        return "old province"
    return "district"


def test_decisions_have_real_numbers_issuers_and_scores():
    today = timezone.localdate()
    certificates = list(OcopCertificate.objects.all())
    issuers = {certificate.issuer for certificate in certificates}
    assert {"UBND tỉnh Quảng Bình", "UBND huyện Vĩnh Linh", "UBND tỉnh Quảng Trị"} <= issuers
    assert "Bộ Nông nghiệp và Môi trường" in issuers
    assert len({certificate.decision_number for certificate in certificates}) == len(certificates)
    for certificate in certificates:
        assert re.fullmatch(r"\d{3,4}/QĐ-(UBND|BNNMT)", certificate.decision_number)
        assert certificate.decision_date <= today
        low, high = {3: (50, 70), 4: (70, 90), 5: (90, 100.01)}[certificate.stars]
        assert low <= certificate.score < high
        expected = expected_issuer_kind(certificate)
        if expected == "old province" and certificate.issuer == "UBND tỉnh Quảng Trị":
            continue  # the former Quảng Trị signed under its own name
        assert issuer_kind(certificate.issuer) == expected, certificate


def test_products_with_verified_and_claimed_origin():
    products = Product.objects.select_related("origin_province")
    statuses = {product.origin_status for product in products}
    assert {ClaimStatus.VERIFIED, ClaimStatus.CLAIMED} <= statuses
    assert {product.origin_province.code for product in products} == {"44"}
    verified = products.filter(origin_status=ClaimStatus.VERIFIED).count()
    assert 0.55 < verified / products.count() < 0.85
    assert products.filter(origin_wording__startswith="huyện ").exists()
    for product in products.filter(is_provincial_specialty=True):
        assert product.origin_status == ClaimStatus.VERIFIED


def test_weight_unit_and_shelf_life_come_from_the_spec():
    specs = {spec["sku"]: spec for spec in content.product_specs()}
    for product in Product.objects.all():
        spec = specs[product.upc]
        assert product.unit == spec["unit"]
        if spec["group_slug"] not in content.SERVICE_SETS:
            assert product.weight_grams == spec["weight_grams"]
    assert Product.objects.filter(shelf_life_days__gt=0).count() > Product.objects.count() // 2


def test_gtins_are_valid_unique_and_vietnamese():
    gtins = list(Product.objects.exclude(gtin="").values_list("gtin", flat=True))
    assert len(gtins) > Product.objects.count() // 3
    assert len(set(gtins)) == len(gtins)
    for gtin in gtins:
        assert len(gtin) == 13 and gtin.startswith("893") and is_valid_gtin(gtin)


def test_lots_are_published_with_their_steps_and_some_are_drafts():
    today = timezone.localdate()
    published = Lot.objects.filter(status=Lot.Status.PUBLISHED)
    assert any(lot.steps.count() >= 3 for lot in published)
    assert Lot.objects.filter(status=Lot.Status.DRAFT).exists()
    assert LotCertification.objects.exists()
    for lot in Lot.objects.prefetch_related("steps"):
        steps = list(lot.steps.all())
        assert 3 <= len(steps) <= 6
        assert re.fullmatch(r"[A-Z]{2,3}\d{4}-\d{2}", lot.lot_code)
        dates = [step.date for step in steps]
        assert dates == sorted(dates)
        assert lot.production_date == dates[0] and dates[-1] <= today
        assert lot.production_date.year == 2026
        assert lot.best_before is None or lot.best_before > dates[-1]
        assert lot.area_commune_id is not None
    assert not LotStep.objects.filter(date__gt=today).exists()


def test_a_revised_lot_keeps_its_first_revision():
    revised = Lot.objects.get(revision=2)
    first = Lot.objects.get(product=revised.product, lot_code=revised.lot_code, revision=1)
    assert first.status == revised.status == Lot.Status.PUBLISHED
    assert revised.change_note and revised.date_published > first.date_published
    lab_actors = [
        set(lot.steps.filter(event="Kiểm nghiệm").values_list("actor", flat=True)) for lot in (first, revised)
    ]
    assert lab_actors[0] != lab_actors[1]


def test_every_badge_family_is_earned_by_some_product():
    codes = set()
    for product in Product.objects.base_queryset():
        codes |= {badge.code for badge in verified_badges(product)}
    assert any(code.startswith("ocop-") for code in codes)
    assert {"verified-origin", "traceable", "specialty"} <= codes


def snapshot():
    return (
        OcopCertificate.objects.count(),
        CertificateStatusChange.objects.count(),
        Lot.objects.count(),
        LotStep.objects.count(),
        LotCertification.objects.count(),
        sorted(
            Product.objects.values_list(
                "upc", "gtin", "origin_status", "origin_commune", "origin_wording", "is_provincial_specialty"
            )
        ),
    )


def test_writing_the_facts_again_changes_nothing():
    before = snapshot()
    first = facts.ensure_product_facts()
    assert snapshot() == before
    assert facts.ensure_product_facts() == first


def test_the_plan_does_not_depend_on_how_many_products_are_loaded():
    plan = facts.plan()
    assert len(plan.facts) == len(content.product_specs())
    loaded = set(Product.objects.values_list("upc", flat=True))
    for lot in Lot.objects.select_related("product"):
        assert any(
            planned.sku == lot.product.upc and planned.lot_code == lot.lot_code for planned in plan.lots
        )
    assert loaded <= set(plan.facts)
