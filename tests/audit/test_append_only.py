"""Audit rows are never edited nor deleted: by the ORM, by a queryset, nor by SQL."""

import importlib

import pytest
from django.apps import apps
from django.core import serializers
from django.db import DatabaseError, connection, transaction
from oscar.core.loading import get_model

from marketplace.audit.models import AuditEntry, AuditKind, AuditLogIsAppendOnly
from vendors import review
from vendors.models import EnterpriseStatus, EnterpriseStatusChange

Partner = get_model("partner", "Partner")

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(reviewer):
    enterprise = Partner.objects.filter(status=EnterpriseStatus.SUBMITTED).order_by("pk").first()
    review.move(enterprise, EnterpriseStatus.APPROVED, by=reviewer)
    return AuditEntry.objects.order_by("-pk").first()


def test_an_entry_cannot_be_saved_again(entry):
    entry.reason = "edited"
    with pytest.raises(AuditLogIsAppendOnly):
        entry.save()
    entry.refresh_from_db()
    assert entry.reason == ""


def test_an_entry_cannot_be_deleted(entry):
    with pytest.raises(AuditLogIsAppendOnly):
        entry.delete()
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEntry.objects.filter(pk=entry.pk).delete()
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_entries_cannot_be_updated_in_bulk(entry):
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEntry.objects.filter(pk=entry.pk).update(reason="edited")
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEntry.objects.bulk_update([entry], ["reason"])


def test_the_database_refuses_an_update_in_sql(entry):
    with (
        pytest.raises(DatabaseError, match="cannot be updated"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(f"UPDATE {AuditEntry._meta.db_table} SET reason = 'edited' WHERE id = %s", [entry.pk])
    entry.refresh_from_db()
    assert entry.reason == ""


@pytest.mark.parametrize("microseconds", [512, 123456])
def test_a_copy_of_the_database_kept_to_the_millisecond_writes_back_unchanged(entry, microseconds):
    """The test runner's snapshot keeps times to the millisecond (DjangoJSONEncoder): writing it
    back is no change, also for a time under a millisecond past the second (it loses its fraction)."""
    table = AuditEntry._meta.db_table
    when = entry.when.replace(microsecond=microseconds)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE id = %s", [entry.pk])
    AuditEntry.objects.bulk_create([AuditEntry(**{**model_fields(entry), "when": when})])
    copy = serializers.serialize("json", AuditEntry.objects.filter(pk=entry.pk))
    for restored in serializers.deserialize("json", copy):
        restored.object.save_base(raw=True)  # as the runner restores it: an UPDATE of the row
    with (
        pytest.raises(DatabaseError, match="cannot be updated"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(f'UPDATE {table} SET "when" = %s WHERE id = %s', [when.replace(second=0), entry.pk])


def model_fields(entry):
    return {field.attname: getattr(entry, field.attname) for field in AuditEntry._meta.concrete_fields}


def test_the_backfill_copies_the_decisions_kept_before_the_log(reviewer):
    """Migration 0003: history rows written before the log existed are copied, once."""
    copy_history = importlib.import_module("marketplace.audit.migrations.0003_copy_history").copy_history
    enterprise = Partner.objects.filter(status=EnterpriseStatus.SUBMITTED).order_by("pk").first()
    # As the history was kept before the log: a row written straight to the history.
    old = EnterpriseStatusChange.objects.create(
        enterprise=enterprise,
        from_status="submitted",
        to_status="rejected",
        reason="Hồ sơ giả",
        changed_by=reviewer,
    )
    assert not AuditEntry.objects.filter(kind=AuditKind.ENTERPRISE, when=old.date_created).exists()

    copy_history(apps)
    copy_history(apps)

    entry = AuditEntry.objects.get(kind=AuditKind.ENTERPRISE, when=old.date_created)
    assert (entry.who_id, entry.who_email) == (reviewer.pk, reviewer.email)
    assert (entry.from_status, entry.to_status, entry.reason) == ("submitted", "rejected", "Hồ sơ giả")
    assert (entry.from_label, entry.to_label) == ("Submitted", "Rejected")
    assert (entry.enterprise_id, entry.enterprise_name, entry.subject_id) == (
        enterprise.pk,
        enterprise.name,
        str(enterprise.pk),
    )


def test_the_backfill_copies_certificate_origin_and_cancellation_history(reviewer, vendor1, shopper, vendor2):
    from catalogue.models import CertificateStatusChange, OriginDecision
    from marketplace.order.models import ParcelStatusChange
    from tests.factories import factless_product, ocop_certificate, parcel_of, shared_order

    copy_history = importlib.import_module("marketplace.audit.migrations.0003_copy_history").copy_history
    product = factless_product()
    certificate = ocop_certificate(product)
    rows = [
        CertificateStatusChange.objects.create(
            certificate=certificate, from_status="pending", to_status="verified", changed_by=reviewer
        ),
        OriginDecision.objects.create(
            product=product, from_status="verified", to_status="verified", is_provincial_specialty=True
        ),
        ParcelStatusChange.objects.create(
            parcel=parcel_of(shared_order(shopper, vendor1, vendor2), vendor1),
            from_status="confirmed",
            to_status="cancelled",
            note="Hết hàng",
        ),
    ]
    # An enterprise's edit of its pending certificate keeps the status: not a decision.
    edit = CertificateStatusChange.objects.create(
        certificate=certificate, from_status="pending", to_status="pending"
    )

    copy_history(apps)

    kinds = [
        AuditEntry.objects.get(when=row.date_created, kind=kind).kind
        for row, kind in zip(rows, ["certificate", "specialty", "parcel_cancellation"], strict=True)
    ]
    assert kinds == ["certificate", "specialty", "parcel_cancellation"]
    assert not AuditEntry.objects.filter(when=edit.date_created).exists()
    assert AuditEntry.objects.get(when=rows[2].date_created).reason == "Hết hàng"
