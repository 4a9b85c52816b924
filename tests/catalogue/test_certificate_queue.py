"""The Department's verification work: the certificate queue, its decisions, and products' origins.

Only reviewers enter; every decision goes through the domain moves, needs a reason
where the process says so, is kept in the history, and is refused when the page it
was made on is out of date.
"""

from datetime import date

import pytest
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from oscar.core.loading import get_model

from catalogue import ocop
from catalogue.badges import verified_badges
from catalogue.models import ClaimStatus
from tests.catalogue.ocop_dashboard import OcopCertificate, certificate_for, products_of, scan, url
from tests.responses import messages_of

Product = get_model("catalogue", "Product")
Province = get_model("places", "Province")
Status = OcopCertificate.Status

pytestmark = pytest.mark.django_db

QUEUE = url("ocop-review-list")
ORIGINS = url("ocop-origin-list")


def seen(client, certificate):
    return client.get(url("ocop-review-detail", pk=certificate.pk)).context["form"]["seen_change"].value()


def decide(client, certificate, to_status, **data):
    data.setdefault("seen_change", seen(client, certificate))
    return client.post(url("ocop-review-decide", pk=certificate.pk), {"to_status": to_status, **data})


def codes(product):
    return [badge.code for badge in verified_badges(product)]


# --- Who may enter ------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["anonymous", "shopper", "vendor1"])
def test_only_reviewers_enter_the_verification_area(client, who, request, vendor1):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    certificate = certificate_for(vendor1)
    product = products_of(vendor1).first()
    for response in (
        client.get(QUEUE),
        client.get(url("ocop-review-detail", pk=certificate.pk)),
        client.post(
            url("ocop-review-decide", pk=certificate.pk), {"to_status": "verified", "seen_change": 0}
        ),
        client.get(ORIGINS),
        client.get(url("ocop-origin-detail", pk=product.pk)),
        client.post(url("ocop-origin-detail", pk=product.pk), {"to_status": "verified", "seen_change": 0}),
    ):
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert "login" in response["Location"]
    certificate.refresh_from_db()
    assert certificate.status == Status.PENDING


# --- The queue ----------------------------------------------------------------------------


def test_the_queue_puts_pending_certificates_first_and_counts_each_status(reviewing, vendor1):
    waiting = certificate_for(vendor1)
    response = reviewing.get(QUEUE)
    listed = list(response.context["certificates"])
    pending = [c for c in listed if c.status == Status.PENDING]
    assert listed[: len(pending)] == pending and waiting in pending
    counts = {status: n for status, _label, n in response.context["status_counts"]}
    assert counts == {
        status: OcopCertificate.objects.filter(status=status).count() for status, _label in Status.choices
    }
    assert response.context["total_count"] == OcopCertificate.objects.count()


def test_the_queue_narrows_by_status_stars_enterprise_and_number(reviewing, vendor1, vendor2):
    mine = certificate_for(vendor1, number="9001/QĐ-UBND", stars=5)
    certificate_for(vendor2, number="9002/QĐ-UBND", stars=5)
    enterprise = mine.enterprise
    query = {"status": "pending", "stars": "5", "enterprise": enterprise.pk, "number": "9001"}
    assert list(reviewing.get(QUEUE, query).context["certificates"]) == [mine]
    verified = reviewing.get(QUEUE, {"status": "verified"}).context["certificates"]
    assert {c.status for c in verified} == {Status.VERIFIED}


def test_bad_filters_are_explained_and_the_whole_queue_is_shown(reviewing):
    response = reviewing.get(QUEUE, {"stars": "9", "decided_from": "2026-01-02", "decided_to": "2026-01-01"})
    assert response.context["form"].errors
    assert response.context["paginator"].count == OcopCertificate.objects.count()


def test_the_detail_page_shows_the_scan_the_products_and_the_history(reviewing, vendor1):
    certificate = certificate_for(vendor1)
    certificate.scan.save("x.pdf", scan())
    ocop.record_edit(certificate, by=vendor1)
    response = reviewing.get(url("ocop-review-detail", pk=certificate.pk))
    html = response.content.decode()
    assert f"/catalogue/ocop/{certificate.pk}/scan/" in html
    assert all(product.get_title() in html for product in certificate.products.all())
    assert list(response.context["certificate"].status_changes.all()) == list(
        certificate.status_changes.all()
    )
    assert reviewing.get(f"/catalogue/ocop/{certificate.pk}/scan/").status_code == 200


# --- Decisions -------------------------------------------------------------------------------


def test_a_reviewer_verifies_a_certificate_and_the_product_gets_its_stars(reviewing, reviewer, vendor1):
    product = products_of(vendor1).first()
    product.ocop_certificates.clear()
    certificate = certificate_for(vendor1, stars=5)
    response = decide(reviewing, certificate, "verified")
    assert response["Location"] == url("ocop-review-detail", pk=certificate.pk)
    certificate.refresh_from_db()
    assert certificate.status == Status.VERIFIED
    change = certificate.status_changes.get()
    assert (change.from_status, change.to_status, change.changed_by) == ("pending", "verified", reviewer)
    assert "ocop-5" in codes(Product.objects.get(pk=product.pk))


@pytest.mark.parametrize("start, to_status", [(Status.PENDING, "rejected"), (Status.VERIFIED, "revoked")])
def test_rejecting_and_revoking_need_a_reason(reviewing, vendor1, start, to_status):
    certificate = certificate_for(vendor1, status=start)
    response = decide(reviewing, certificate, to_status, reason="  ")
    assert response.status_code == 200
    assert response.context["form"].has_error("reason", "reason_required")
    certificate.refresh_from_db()
    assert certificate.status == start and not certificate.status_changes.exists()

    decide(reviewing, certificate, to_status, reason="Bản quét không khớp với quyết định gốc.")
    certificate.refresh_from_db()
    assert certificate.status == to_status
    assert certificate.status_changes.get().reason == "Bản quét không khớp với quyết định gốc."


def test_superseding_names_the_verified_re_evaluation_that_replaces_it(reviewing, vendor1):
    older = certificate_for(vendor1, status=Status.VERIFIED, number="100/QĐ", stars=3)
    newer = certificate_for(vendor1, status=Status.VERIFIED, number="200/QĐ", stars=4)
    OcopCertificate.objects.filter(pk=newer.pk).update(decision_date=date(2026, 1, 5))

    missing = decide(reviewing, older, "superseded")
    assert missing.context["form"].has_error("successor", "successor_required")
    decide(reviewing, older, "superseded", successor=newer.pk)
    older.refresh_from_db()
    assert (older.status, older.superseded_by) == (Status.SUPERSEDED, newer)


def test_a_move_the_status_does_not_allow_is_refused(reviewing, vendor1):
    certificate = certificate_for(vendor1, status=Status.REJECTED)
    response = decide(reviewing, certificate, "verified")
    assert response.status_code == 302
    assert [level for level, _text in messages_of(response, with_levels=True)] == ["error"]
    certificate.refresh_from_db()
    assert certificate.status == Status.REJECTED


def test_a_decision_made_on_an_out_of_date_page_is_refused(reviewing, vendor1, admin_user):
    certificate = certificate_for(vendor1)
    stale = seen(reviewing, certificate)
    ocop.record_edit(certificate, by=vendor1)  # the enterprise changed it after the reviewer looked
    response = decide(reviewing, certificate, "verified", seen_change=stale)
    assert response["Location"] == url("ocop-review-detail", pk=certificate.pk)
    certificate.refresh_from_db()
    assert certificate.status == Status.PENDING

    ocop.move(certificate, Status.REJECTED, by=admin_user, reason="Thiếu bản quét.")
    decide(reviewing, certificate, "verified", seen_change=seen(reviewing, certificate))
    certificate.refresh_from_db()
    assert certificate.status == Status.REJECTED


# --- Origins --------------------------------------------------------------------------------


@pytest.fixture
def claimed(vendor1):
    product = products_of(vendor1).exclude(origin_province=None).first()
    home = Province.objects.get(code=settings.MARKETPLACE_PROVINCE_CODE)
    Product.objects.filter(pk=product.pk).update(
        origin_status=ClaimStatus.CLAIMED, is_provincial_specialty=False, origin_province=home
    )
    product.origin_decisions.all().delete()
    return Product.objects.get(pk=product.pk)


def decide_origin(client, product, **data):
    detail = url("ocop-origin-detail", pk=product.pk)
    data.setdefault("seen_change", client.get(detail).context["form"]["seen_change"].value())
    return client.post(detail, data)


def test_the_origin_queue_lists_claims_first_with_counts(reviewing, claimed):
    response = reviewing.get(ORIGINS, {"status": "claimed"})
    assert claimed in response.context["products"]
    assert {p.origin_status for p in response.context["products"]} == {"claimed"}
    counts = {status: n for status, _label, n in response.context["status_counts"]}
    assert counts["claimed"] >= 1


def test_a_reviewer_verifies_an_origin_and_makes_it_a_specialty(reviewing, reviewer, claimed):
    decide_origin(reviewing, claimed, to_status="verified", is_provincial_specialty="on")
    claimed.refresh_from_db()
    assert (claimed.origin_status, claimed.is_provincial_specialty) == ("verified", True)
    assert {"verified-origin", "specialty"} <= set(codes(claimed))
    decision = claimed.origin_decisions.get()
    assert (decision.from_status, decision.to_status, decision.decided_by) == (
        "claimed",
        "verified",
        reviewer,
    )


def test_rejecting_an_origin_needs_a_reason(reviewing, claimed):
    response = decide_origin(reviewing, claimed, to_status="rejected")
    assert response.context["form"].has_error("reason", "reason_required")
    claimed.refresh_from_db()
    assert claimed.origin_status == "claimed"
    decide_origin(reviewing, claimed, to_status="rejected", reason="Nguyên liệu mua từ tỉnh khác.")
    claimed.refresh_from_db()
    assert claimed.origin_status == "rejected"
    assert claimed.origin_decisions.get().reason == "Nguyên liệu mua từ tỉnh khác."


def test_only_a_verified_origin_can_be_a_specialty(reviewing, claimed):
    response = decide_origin(reviewing, claimed, to_status="claimed", is_provincial_specialty="on")
    assert response.context["form"].has_error(NON_FIELD_ERRORS, "specialty_needs_origin")
    claimed.refresh_from_db()
    assert claimed.is_provincial_specialty is False and not claimed.origin_decisions.exists()


def test_an_origin_decision_on_an_out_of_date_page_is_refused(reviewing, claimed):
    stale = reviewing.get(url("ocop-origin-detail", pk=claimed.pk)).context["form"]["seen_change"].value()
    decide_origin(reviewing, claimed, to_status="verified")
    decide_origin(reviewing, claimed, to_status="rejected", reason="x", seen_change=stale)
    claimed.refresh_from_db()
    assert claimed.origin_status == "verified"
