"""Every decision lands in the audit log once, with who, when, what, from, to and why (issue 18)."""

import datetime
from decimal import Decimal as D

import pytest
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue import ocop, origin
from catalogue.models import ClaimStatus, OcopCertificate
from marketplace.audit.models import AuditKind
from marketplace.order import parcels
from marketplace.order.models import Parcel
from marketplace.payment.refunds import refund
from marketplace.payouts import ledger
from marketplace.payouts.models import LedgerEntry
from marketplace.payouts.months import month_of, previous_month
from tests.factories import factless_product, ocop_certificate, parcel_of, place_order, shared_order, ship
from vendors import review
from vendors.models import EnterpriseStatus

Partner = get_model("partner", "Partner")

pytestmark = pytest.mark.django_db


def only(entries):
    assert len(entries) == 1, entries
    return entries[0]


def test_an_enterprise_decision_is_logged_with_who_from_to_and_why(new_entries, reviewer):
    enterprise = Partner.objects.filter(status=EnterpriseStatus.SUBMITTED).order_by("pk").first()

    review.move(enterprise, EnterpriseStatus.CHANGES_REQUESTED, by=reviewer, reason="Thiếu giấy phép")

    entry = only(new_entries())
    assert entry.kind == AuditKind.ENTERPRISE
    assert (entry.who, entry.who_email) == (reviewer, reviewer.email)
    assert (entry.from_status, entry.to_status) == (
        EnterpriseStatus.SUBMITTED,
        EnterpriseStatus.CHANGES_REQUESTED,
    )
    assert (entry.from_label, entry.to_label) == ("Submitted", "Changes requested")
    assert entry.reason == "Thiếu giấy phép"
    assert (entry.enterprise_id, entry.enterprise_name, entry.subject_label) == (
        enterprise.pk,
        enterprise.name,
        enterprise.name,
    )
    assert entry.subject_id == str(enterprise.pk)
    assert (
        entry.when == enterprise.status_changes.get(to_status=EnterpriseStatus.CHANGES_REQUESTED).date_created
    )


def test_a_certificate_decision_is_logged(new_entries, reviewer, vendor1):
    product = factless_product()
    certificate = ocop_certificate(product, status=OcopCertificate.Status.PENDING)

    ocop.move(certificate, OcopCertificate.Status.REJECTED, by=reviewer, reason="Số quyết định sai")

    entry = only(new_entries())
    assert entry.kind == AuditKind.CERTIFICATE
    assert (entry.from_status, entry.to_status, entry.reason) == ("pending", "rejected", "Số quyết định sai")
    assert entry.subject_label == str(certificate)
    assert entry.enterprise_id == certificate.enterprise_id
    assert entry.who == reviewer


def test_an_origin_decision_and_a_specialty_decision_are_logged_each_as_its_own_kind(new_entries, reviewer):
    product = factless_product()
    seller = product.stockrecords.order_by("pk").first().partner

    origin.decide(product, ClaimStatus.VERIFIED, by=reviewer, reason="Đã kiểm tra")
    entry = only(new_entries())
    assert (entry.kind, entry.from_status, entry.to_status) == (AuditKind.ORIGIN, "claimed", "verified")
    assert (entry.enterprise_id, entry.subject_label) == (seller.pk, product.get_title())

    origin.decide(product, ClaimStatus.VERIFIED, is_provincial_specialty=True, by=reviewer, reason="Đặc sản")
    entry = new_entries()[-1]
    assert len(new_entries()) == 2
    assert (entry.kind, entry.from_status, entry.to_status) == (
        AuditKind.SPECIALTY,
        "not_specialty",
        "specialty",
    )
    assert (entry.from_label, entry.to_label) == ("Not a specialty", "Specialty of the province")
    assert entry.reason == "Đặc sản"


def test_a_parcel_cancellation_is_logged_but_shipping_is_not(new_entries, shopper, vendor1, vendor2):
    order = shared_order(shopper, vendor1, vendor2)
    shipped, cancelled = parcel_of(order, vendor1), parcel_of(order, vendor2)
    ship(shipped, by=vendor1, deliver=True)

    parcels.move(cancelled, Parcel.Status.CANCELLED, by=vendor2, note="Hết hàng")

    entry = only(new_entries())
    assert entry.kind == AuditKind.PARCEL_CANCELLATION
    assert (entry.from_status, entry.to_status, entry.reason) == ("confirmed", "cancelled", "Hết hàng")
    assert (entry.who, entry.subject_label, entry.enterprise_id) == (
        vendor2,
        cancelled.number,
        cancelled.enterprise_id,
    )


def test_a_refund_is_logged_with_its_amount(new_entries, shopper, admin_user):
    order = place_order(shopper, gateway="cod")
    parcel = order.parcels.order_by("pk").first()
    ship(parcel, deliver=True)
    before = len(new_entries())

    refund(order, parcel=parcel, by=admin_user, reason="Hàng vỡ khi giao")

    entry = only(new_entries()[before:])
    assert entry.kind == AuditKind.REFUND
    assert (entry.who, entry.amount, entry.reason) == (admin_user, parcel.total, "Hàng vỡ khi giao")
    assert (entry.subject_label, entry.enterprise_id) == (order.number, parcel.enterprise_id)


def test_a_payout_is_logged_with_its_amount(new_entries, shopper, vendor1, vendor2, admin_user):
    parcel = parcel_of(shared_order(shopper, vendor1, vendor2, confirm=False), vendor1)
    last_month = previous_month(month_of(timezone.localdate()))
    LedgerEntry.objects.create(
        enterprise=parcel.enterprise,
        parcel=parcel,
        kind=LedgerEntry.Kind.SALE,
        gross=D(100000),
        commission=D(5000),
        net=D(95000),
        date=timezone.make_aware(datetime.datetime.combine(last_month, datetime.time(10))),
    )

    ledger.pay(parcel.enterprise, last_month, D(95000), "UNC-0042", by=admin_user, note="Chuyển khoản")

    entry = only(new_entries())
    assert entry.kind == AuditKind.PAYOUT
    assert (entry.who, entry.amount, entry.reason) == (admin_user, D(95000), "Chuyển khoản")
    assert entry.enterprise_id == parcel.enterprise_id
    assert entry.subject_label == f"{last_month:%m/%Y} · UNC-0042"


def test_a_refused_decision_leaves_no_entry(new_entries, reviewer):
    enterprise = Partner.objects.filter(status=EnterpriseStatus.SUBMITTED).order_by("pk").first()
    with pytest.raises(Exception):  # noqa: B017  the workflow's ValidationError
        review.move(enterprise, EnterpriseStatus.REJECTED, by=reviewer, reason="")
    assert new_entries() == []


def test_an_entry_outlives_the_person_who_decided(new_entries, django_user_model):
    official = django_user_model.objects.create_user(
        username="tam", email="tam@sct.quangtri.gov.vn", password="x", first_name="Tâm", last_name="Lê"
    )
    enterprise = Partner.objects.filter(status=EnterpriseStatus.SUBMITTED).order_by("pk").first()
    review.move(enterprise, EnterpriseStatus.APPROVED, by=official)
    official_id = official.pk

    official.delete()

    entry = only(new_entries())
    assert (entry.who_id, entry.who_email, entry.who_name) == (
        official_id,
        "tam@sct.quangtri.gov.vn",
        "Tâm Lê",
    )
