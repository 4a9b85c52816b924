"""Copy the decisions kept before the audit log existed into it, so the log starts complete.

Reads the four workflows' histories on the historical models. A history row already in the log
(same kind, subject and moment) is not copied twice. A certificate row whose status did not move
is the enterprise's edit, not a decision; of a parcel's rows only its cancellation is a decision;
an origin row that keeps the status changed only the specialty flag.
"""

from typing import NamedTuple

from django.db import migrations
from django.utils import translation

BATCH = 2000
# The specialty flag as the log shows it (marketplace.audit.log.SPECIALTY, as of this migration).
SPECIALTY = {
    True: ("specialty", "Specialty of the province"),
    False: ("not_specialty", "Not a specialty"),
}


class Past(NamedTuple):
    """One past decision, as the log keeps it."""

    row: object  # the history row: its date_created is the decision's moment
    kind: str
    subject: object
    subject_label: str
    enterprise: tuple  # (id, name)
    by: object
    reason: str
    statuses: tuple  # ((from value, from label), (to value, to label))


def person(user):
    if user is None:
        return "", ""
    name = f"{getattr(user, 'first_name', '')} {getattr(user, 'last_name', '')}".strip()
    return (user.email or "")[:254], name[:255]


def moved(row, model):
    """The row's from and to, each with its English label (its message id) from the model's choices."""
    labels = dict(model._meta.get_field("to_status").choices or ())
    with translation.override("en"):
        return tuple(
            (value, str(labels.get(value, ""))[:128] if value else "")
            for value in (row.from_status, row.to_status)
        )


def enterprise_decisions(apps):
    History = apps.get_model("partner", "EnterpriseStatusChange")
    for row in History.objects.select_related("enterprise", "changed_by").order_by("pk").iterator(BATCH):
        if row.from_status != row.to_status:
            enterprise = row.enterprise
            yield Past(
                row=row,
                kind="enterprise",
                subject=enterprise,
                subject_label=enterprise.name,
                enterprise=(enterprise.pk, enterprise.name),
                by=row.changed_by,
                reason=row.reason,
                statuses=moved(row, History),
            )


def certificate_decisions(apps):
    History = apps.get_model("catalogue", "CertificateStatusChange")
    rows = History.objects.select_related("certificate__enterprise", "changed_by").order_by("pk")
    for row in rows.iterator(BATCH):
        if row.from_status != row.to_status:
            certificate = row.certificate
            yield Past(
                row=row,
                kind="certificate",
                subject=certificate,
                subject_label=f"{certificate.decision_number} ({certificate.stars}★)",
                enterprise=(certificate.enterprise_id, certificate.enterprise.name),
                by=row.changed_by,
                reason=row.reason,
                statuses=moved(row, History),
            )


def origin_decisions(apps):
    History = apps.get_model("catalogue", "OriginDecision")
    rows, batch = History.objects.select_related("product", "decided_by").order_by("pk"), []
    for row in rows.iterator(BATCH):
        batch.append(row)
        if len(batch) == BATCH:
            yield from origin_batch(apps, History, batch)
            batch = []
    yield from origin_batch(apps, History, batch)


def origin_batch(apps, History, rows):
    StockRecord = apps.get_model("partner", "StockRecord")
    sellers = {}  # each product's first seller
    records = StockRecord.objects.filter(product_id__in={row.product_id for row in rows}).order_by("pk")
    for product_id, partner_id, name in records.values_list("product_id", "partner_id", "partner__name"):
        sellers.setdefault(product_id, (partner_id, name))
    for row in rows:
        if row.from_status != row.to_status:
            kind, statuses = "origin", moved(row, History)
        else:
            kind = "specialty"
            statuses = (SPECIALTY[not row.is_provincial_specialty], SPECIALTY[row.is_provincial_specialty])
        yield Past(
            row=row,
            kind=kind,
            subject=row.product,
            subject_label=row.product.title,
            enterprise=sellers.get(row.product_id, (None, "")),
            by=row.decided_by,
            reason=row.reason,
            statuses=statuses,
        )


def parcel_cancellations(apps):
    History = apps.get_model("order", "ParcelStatusChange")
    rows = History.objects.filter(to_status="cancelled").select_related("parcel__enterprise", "changed_by")
    for row in rows.order_by("pk").iterator(BATCH):
        parcel = row.parcel
        yield Past(
            row=row,
            kind="parcel_cancellation",
            subject=parcel,
            subject_label=parcel.number,
            enterprise=(parcel.enterprise_id, parcel.enterprise.name),
            by=row.changed_by,
            reason=row.note,
            statuses=moved(row, History),
        )


SOURCES = (enterprise_decisions, certificate_decisions, origin_decisions, parcel_cancellations)


def copy_history(apps, schema_editor=None):
    """Copy every past decision kept in the workflows' histories into the audit log."""
    AuditEntry = apps.get_model("audit", "AuditEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    types = {}

    def content_type(subject):
        meta = subject._meta
        key = (meta.app_label, meta.model_name)
        if key not in types:
            types[key] = ContentType.objects.get_or_create(app_label=meta.app_label, model=meta.model_name)[
                0
            ].pk
        return types[key]

    known = set(AuditEntry.objects.values_list("kind", "subject_type_id", "subject_id", "when").iterator())
    batch = []
    for source in SOURCES:
        for past in source(apps):
            subject_type, subject_id = content_type(past.subject), str(past.subject.pk)
            if (past.kind, subject_type, subject_id, past.row.date_created) in known:
                continue
            (from_status, from_label), (to_status, to_label) = past.statuses
            email, name = person(past.by)
            batch.append(
                AuditEntry(
                    when=past.row.date_created,
                    kind=past.kind,
                    who_id=past.by.pk if past.by is not None else None,
                    who_email=email,
                    who_name=name,
                    subject_type_id=subject_type,
                    subject_id=subject_id,
                    subject_label=str(past.subject_label)[:255],
                    enterprise_id=past.enterprise[0],
                    enterprise_name=(past.enterprise[1] or "")[:255],
                    from_status=from_status or "",
                    from_label=from_label,
                    to_status=to_status or "",
                    to_label=to_label,
                    reason=(past.reason or "").strip(),
                )
            )
            if len(batch) >= BATCH:
                AuditEntry.objects.bulk_create(batch)
                batch = []
    AuditEntry.objects.bulk_create(batch)


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0002_audit_entry_refuses_update"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("partner", "0010_enterprise_documents"),
        ("catalogue", "0036_certificate_reminders"),
        ("order", "0024_parcel"),
    ]

    operations = [migrations.RunPython(copy_history, migrations.RunPython.noop)]
