"""An enterprise records its OCOP certificates in the dashboard; the Department's verification adds stars.

Bad input gets a clear message on the form and stores nothing; once the Department
has decided, the enterprise's record is read-only.
"""

from datetime import timedelta

import pytest
from django.utils import timezone, translation
from oscar.apps.dashboard.menu import get_nodes
from oscar.core.loading import get_model

from catalogue import ocop
from catalogue.badges import verified_badges
from catalogue.gtin import gtin_check_digit
from tests.catalogue.ocop_dashboard import (
    OcopCertificate,
    certificate_data,
    certificate_for,
    product_edit_data,
    products_of,
    scan,
    shows_errors,
    url,
)
from tests.factories import enterprise_of

Commune = get_model("places", "Commune")
Product = get_model("catalogue", "Product")
Status = OcopCertificate.Status

pytestmark = pytest.mark.django_db

CREATE = url("ocop-certificate-create")
FUTURE = (timezone.localdate() + timedelta(days=1)).isoformat()


def stored(vendor):
    return list(OcopCertificate.objects.filter(enterprise=enterprise_of(vendor)).order_by("pk").values())


# --- Recording --------------------------------------------------------------------------


def test_an_enterprise_records_a_certificate_that_waits_for_the_department(staff, vendor1):
    products = list(products_of(vendor1)[:2])
    response = staff.post(CREATE, certificate_data(products))

    certificate = OcopCertificate.objects.get(decision_number="1234/QĐ-UBND")
    assert response.status_code == 302
    assert response["Location"] == url("ocop-certificate-update", pk=certificate.pk)
    assert certificate.enterprise == enterprise_of(vendor1)
    assert certificate.status == Status.PENDING
    assert set(certificate.products.all()) == set(products)
    assert certificate.scan.name.startswith("private/ocop-decisions/") and certificate.scan.name.endswith(
        ".pdf"
    )
    listed = staff.get(url("ocop-certificate-list"))
    assert certificate in listed.context["certificates"]
    assert "1234/QĐ-UBND" in listed.content.decode()
    # Nothing public and no stars until the Department verifies it.
    assert staff.get(f"/catalogue/ocop/{certificate.pk}/").status_code == 404
    evidence = {badge.evidence_url for product in products for badge in verified_badges(product)}
    assert f"/catalogue/ocop/{certificate.pk}/" not in evidence


def test_recorded_then_verified_the_product_page_shows_the_ocop_badge(client, vendor1, reviewer):
    product = products_of(vendor1).exclude(ocop_certificates__status=Status.VERIFIED).first()
    client.force_login(vendor1)
    client.post(CREATE, certificate_data([product], stars="5", score="92.00"))
    certificate = OcopCertificate.objects.get(decision_number="1234/QĐ-UBND")
    assert "OCOP 5★" not in client.get(product.get_absolute_url()).content.decode()

    client.force_login(reviewer)
    detail = url("ocop-review-detail", pk=certificate.pk)
    seen = client.get(detail).context["form"]["seen_change"].value()
    client.post(url("ocop-review-decide", pk=certificate.pk), {"to_status": "verified", "seen_change": seen})

    client.logout()
    page = client.get(product.get_absolute_url()).content.decode()
    assert "OCOP 5★" in page
    assert f"/catalogue/ocop/{certificate.pk}/" in page


def test_the_form_offers_only_the_enterprises_own_products(staff, vendor1, vendor2):
    offered = set(staff.get(CREATE).context["form"].fields["products"].queryset)
    assert offered == set(Product.objects.filter(stockrecords__partner=enterprise_of(vendor1)))
    assert not offered & set(products_of(vendor2))


# --- Bad input: a clear message, nothing stored ------------------------------------------


@pytest.mark.parametrize(
    "changes, field, code",
    [
        ({"valid_until": "2025-03-01"}, "valid_until", "ends_before_decision"),
        ({"valid_until": "2025-03-10"}, "valid_until", "ends_before_decision"),
        ({"stars": "2"}, "stars", "invalid_choice"),
        ({"stars": "6"}, "stars", "invalid_choice"),
        ({"score": "65.00"}, "score", "score_stars"),
        ({"score": "120"}, "score", "score_range"),
        ({"decision_number": ""}, "decision_number", "required"),
        ({"products": []}, "products", "required"),
        ({"scan": scan("decision.pdf", b"MZ\x90\x00 not a pdf")}, "scan", "unsupported_type"),
        ({"decision_date": FUTURE}, "decision_date", "future_decision"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_saved(staff, vendor1, changes, field, code):
    before = stored(vendor1)
    response = staff.post(CREATE, certificate_data(products_of(vendor1)[:1], **changes))
    form = response.context["form"]
    assert response.status_code == 200
    assert form.has_error(field, code), form.errors
    assert shows_errors(response, form, field)
    assert stored(vendor1) == before


def test_stars_outside_3_to_5_say_that_only_3_4_and_5_are_recognitions(staff, vendor1):
    response = staff.post(CREATE, certificate_data(products_of(vendor1)[:1], stars="2"))
    with translation.override("en"):
        assert [str(e) for e in response.context["form"].errors.as_data()["stars"][0]] == [
            "Only 3, 4 and 5 stars are OCOP recognitions."
        ]


def test_another_enterprises_product_cannot_be_attached(staff, vendor1, vendor2):
    before = stored(vendor1)
    theirs = products_of(vendor2).first()
    response = staff.post(CREATE, certificate_data([products_of(vendor1).first(), theirs]))
    assert response.context["form"].has_error("products", "invalid_choice")
    assert shows_errors(response, response.context["form"], "products")
    assert stored(vendor1) == before
    assert not theirs.ocop_certificates.filter(enterprise=enterprise_of(vendor1)).exists()


def test_the_same_decision_cannot_be_recorded_twice(staff, vendor1):
    certificate_for(vendor1, number="1234/QĐ-UBND")
    before = stored(vendor1)
    response = staff.post(CREATE, certificate_data(products_of(vendor1)[:1]))
    assert response.context["form"].has_error("decision_number", "duplicate_decision")
    assert stored(vendor1) == before


# --- Editing: only while pending ----------------------------------------------------------


def test_a_pending_certificate_can_be_corrected_and_the_change_is_kept(staff, vendor1):
    certificate = certificate_for(vendor1)
    data = certificate_data(products_of(vendor1)[:1], decision_number="778/QĐ-UBND")
    response = staff.post(url("ocop-certificate-update", pk=certificate.pk), data)
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.decision_number == "778/QĐ-UBND"
    change = certificate.status_changes.get()
    assert (change.from_status, change.to_status, change.changed_by) == (
        Status.PENDING,
        Status.PENDING,
        vendor1,
    )


def test_a_pending_certificate_keeps_its_scan_when_no_new_one_is_sent(staff, vendor1):
    certificate = certificate_for(vendor1)
    certificate.scan.save("x.pdf", scan())
    name = certificate.scan.name
    data = certificate_data(products_of(vendor1)[:1], scan="", decision_number="779/QĐ-UBND")
    assert staff.post(url("ocop-certificate-update", pk=certificate.pk), data).status_code == 302
    certificate.refresh_from_db()
    assert (certificate.decision_number, certificate.scan.name) == ("779/QĐ-UBND", name)


@pytest.mark.parametrize("status", [Status.VERIFIED, Status.REJECTED, Status.REVOKED])
def test_a_decided_certificate_is_read_only(staff, vendor1, status):
    certificate = certificate_for(vendor1, status=status)
    page = staff.get(url("ocop-certificate-update", pk=certificate.pk))
    assert page.status_code == 200
    assert page.context["form"] is None
    assert 'id="certificate_form"' not in page.content.decode()

    before = stored(vendor1)
    data = certificate_data(products_of(vendor1)[:2], stars="5", decision_number="Sửa/QĐ")
    response = staff.post(url("ocop-certificate-update", pk=certificate.pk), data, follow=True)
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert stored(vendor1) == before


def test_an_edit_racing_a_verification_is_refused(staff, vendor1, monkeypatch):
    """The Department verifies between the enterprise's form being checked and being saved."""
    certificate = certificate_for(vendor1)
    check = ocop.check_certificate

    def verified_meanwhile(*args, **kwargs):
        OcopCertificate.objects.filter(pk=certificate.pk).update(status=Status.VERIFIED)
        return check(*args, **kwargs)

    monkeypatch.setattr(ocop, "check_certificate", verified_meanwhile)
    data = certificate_data(products_of(vendor1)[:1], decision_number="Sửa/QĐ")
    response = staff.post(url("ocop-certificate-update", pk=certificate.pk), data)
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert (certificate.decision_number, certificate.status) == ("777/QĐ-UBND", Status.VERIFIED)
    assert not certificate.status_changes.exists()


# --- The scan --------------------------------------------------------------------------


def test_a_pending_scan_is_for_the_enterprise_and_the_department_only(
    client, vendor1, vendor2, reviewer, shopper
):
    certificate = certificate_for(vendor1)
    certificate.scan.save("x.pdf", scan())
    scan_url = f"/catalogue/ocop/{certificate.pk}/scan/"
    assert client.get(scan_url).status_code == 404
    for user, expected in ((shopper, 404), (vendor2, 404), (vendor1, 200), (reviewer, 200)):
        client.force_login(user)
        response = client.get(scan_url)
        assert response.status_code == expected, user
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    ocop.move(certificate, Status.VERIFIED, by=reviewer)
    client.logout()
    assert client.get(scan_url).status_code == 200  # verified: public evidence


# --- GTIN on Oscar's product form ---------------------------------------------------------


def test_a_gtin_with_a_wrong_check_digit_is_refused_on_the_product_form(staff, vendor1):
    product = products_of(vendor1).first()
    good = "893850700001" + gtin_check_digit("893850700001")
    wrong = good[:-1] + str((int(good[-1]) + 1) % 10)
    edit = url("catalogue-product", pk=product.pk)

    response = staff.post(edit, product_edit_data(product, gtin=wrong))
    assert response.status_code == 200
    assert response.context["form"].has_error("gtin", "invalid_gtin")
    assert shows_errors(response, response.context["form"], "gtin")
    assert Product.objects.get(pk=product.pk).gtin == product.gtin

    assert staff.post(edit, product_edit_data(product, gtin=good)).status_code == 302
    assert Product.objects.get(pk=product.pk).gtin == good


def test_a_gtin_already_used_by_another_product_is_refused(staff, vendor1):
    product, other = products_of(vendor1)[:2]
    gtin = "893850700002" + gtin_check_digit("893850700002")
    Product.objects.filter(pk=other.pk).update(gtin=gtin)
    response = staff.post(url("catalogue-product", pk=product.pk), product_edit_data(product, gtin=gtin))
    assert response.context["form"].has_error("gtin", "duplicate_gtin")
    assert Product.objects.get(pk=product.pk).gtin == product.gtin


def test_changing_a_verified_origin_on_the_product_form_sends_it_back_for_verification(staff, vendor1):
    product = products_of(vendor1).exclude(origin_province=None).first()
    Product.objects.filter(pk=product.pk).update(origin_status="verified", is_provincial_specialty=True)
    data = product_edit_data(product, origin_wording="Thôn mới, xã khác")
    assert staff.post(url("catalogue-product", pk=product.pk), data).status_code == 302
    product.refresh_from_db()
    assert (product.origin_status, product.is_provincial_specialty) == ("claimed", False)
    assert product.origin_decisions.get().to_status == "claimed"


def test_an_unchanged_origin_stays_verified_when_the_product_is_saved(staff, vendor1):
    product = products_of(vendor1).exclude(origin_province=None).first()
    Product.objects.filter(pk=product.pk).update(origin_status="verified")
    product.refresh_from_db()
    data = product_edit_data(product, title="Tên mới")
    assert staff.post(url("catalogue-product", pk=product.pk), data).status_code == 302
    product.refresh_from_db()
    assert (product.title, product.origin_status) == ("Tên mới", "verified")
    assert not product.origin_decisions.exists()


def test_a_commune_outside_the_chosen_province_is_refused(staff, vendor1):
    product = products_of(vendor1).exclude(origin_province=None).first()
    elsewhere = Commune.objects.exclude(province=product.origin_province_id).first()
    data = product_edit_data(product, origin_commune=elsewhere.pk)
    response = staff.post(url("catalogue-product", pk=product.pk), data)
    assert shows_errors(response, response.context["form"], "origin_commune")
    assert Product.objects.get(pk=product.pk).origin_commune_id == product.origin_commune_id


# --- The menu ------------------------------------------------------------------------------


def menu_urls(user):
    return {node.url for top in get_nodes(user) for node in [top, *top.children] if not node.is_heading}


def test_enterprise_staff_see_their_records_and_reviewers_the_verification_queues(
    vendor1, reviewer, admin_user
):
    enterprise_side = {url("ocop-certificate-list"), url("ocop-lot-list")}
    reviewer_side = {url("ocop-review-list"), url("ocop-origin-list")}
    vendor_menu, reviewer_menu = menu_urls(vendor1), menu_urls(reviewer)
    assert enterprise_side <= vendor_menu and not reviewer_side & vendor_menu
    assert reviewer_side <= reviewer_menu and not enterprise_side & reviewer_menu
    assert not enterprise_side & menu_urls(admin_user)  # the operator has no enterprise of its own
