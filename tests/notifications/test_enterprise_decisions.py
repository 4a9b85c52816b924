"""The enterprise is e-mailed each decision the Department makes on its OCOP certificates and its
products' origins, with the reason, once the reviewer decides on the review page."""

import pytest
from django.conf import settings
from oscar.core.loading import get_model

from catalogue import ocop
from catalogue.models import ClaimStatus
from tests.catalogue.ocop_dashboard import OcopCertificate, certificate_for, products_of, url

Product = get_model("catalogue", "Product")
Province = get_model("places", "Province")
Status = OcopCertificate.Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def decide(reviewing, django_capture_on_commit_callbacks):
    """The reviewer's decision posted from the page at ``detail`` to ``action``, committed."""

    def post(detail, action, **data):
        data.setdefault("seen_change", reviewing.get(detail).context["form"]["seen_change"].value())
        with django_capture_on_commit_callbacks(execute=True):
            response = reviewing.post(action, data)
        assert response.status_code == 302
        return response

    return post


def on_certificate(decide, certificate, **data):
    return decide(
        url("ocop-review-detail", pk=certificate.pk), url("ocop-review-decide", pk=certificate.pk), **data
    )


def on_origin(decide, product, **data):
    detail = url("ocop-origin-detail", pk=product.pk)
    return decide(detail, detail, **data)


@pytest.fixture
def certificate(vendor1):
    return certificate_for(vendor1)


@pytest.fixture
def claimed(vendor1):
    product = products_of(vendor1).exclude(origin_province=None).first()
    home = Province.objects.get(code=settings.MARKETPLACE_PROVINCE_CODE)
    Product.objects.filter(pk=product.pk).update(
        origin_status=ClaimStatus.CLAIMED, is_provincial_specialty=False, origin_province=home
    )
    return Product.objects.get(pk=product.pk)


def test_a_verified_certificate_is_mailed_with_its_public_page(decide, certificate, vendor1, mailoutbox):
    on_certificate(decide, certificate, to_status="verified")

    (mail,) = mailoutbox
    assert vendor1.email in mail.to
    assert certificate.decision_number in mail.subject
    assert f"/catalogue/ocop/{certificate.pk}/" in mail.body


def test_a_rejected_certificate_is_mailed_with_the_reason(decide, certificate, vendor1, mailoutbox):
    on_certificate(decide, certificate, to_status="rejected", reason="Bản quét không đọc được.")

    (mail,) = mailoutbox
    assert vendor1.email in mail.to
    assert certificate.decision_number in mail.subject
    assert "Bản quét không đọc được." in mail.body
    assert f"/dashboard/ocop/certificates/{certificate.pk}/" in mail.body


def test_a_revoked_certificate_is_mailed_with_the_reason(decide, certificate, reviewer, vendor1, mailoutbox):
    ocop.move(certificate, Status.VERIFIED, by=reviewer)
    on_certificate(decide, certificate, to_status="revoked", reason="Sản phẩm không còn đạt chuẩn.")

    (mail,) = mailoutbox
    assert vendor1.email in mail.to
    assert certificate.decision_number in mail.subject
    assert "Sản phẩm không còn đạt chuẩn." in mail.body


def test_a_verified_origin_and_specialty_are_mailed(decide, claimed, vendor1, mailoutbox):
    on_origin(decide, claimed, to_status="verified", is_provincial_specialty="on")

    (mail,) = mailoutbox
    assert vendor1.email in mail.to
    assert claimed.get_title() in mail.subject
    assert f"/dashboard/catalogue/products/{claimed.pk}/" in mail.body


def test_a_rejected_origin_is_mailed_with_the_reason(decide, claimed, vendor1, mailoutbox):
    on_origin(decide, claimed, to_status="rejected", reason="Nguyên liệu mua từ tỉnh khác.")

    (mail,) = mailoutbox
    assert vendor1.email in mail.to
    assert claimed.get_title() in mail.subject
    assert "Nguyên liệu mua từ tỉnh khác." in mail.body


def test_the_decision_mails_read_in_english(in_english, certificate, claimed, reviewer, mailoutbox):
    from catalogue import origin
    from catalogue.decision_mail import notify_certificate_decision, notify_origin_decision

    notify_certificate_decision(ocop.move(certificate, Status.REJECTED, by=reviewer, reason="Thiếu chữ ký."))
    notify_origin_decision(origin.decide(claimed, ClaimStatus.VERIFIED, by=reviewer))

    rejected, verified = mailoutbox
    assert "was not accepted" in rejected.subject and "Reason:" in rejected.body
    assert "is verified" in verified.subject and "has verified where" in verified.body
