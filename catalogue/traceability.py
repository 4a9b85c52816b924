"""Traceability lots: drafting, publishing, and revising without rewriting history."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import TraceabilityBatch

Status = TraceabilityBatch.Status


def check_new_lot(product, lot_code):
    if TraceabilityBatch.objects.filter(product=product, lot_code=lot_code).exists():
        raise ValidationError(
            {"lot_code": _("This product already has a lot %(lot)s: revise it instead.") % {"lot": lot_code}},
            code="lot_reused",
        )


def check_step_date(date, today=None):
    if date > (today or timezone.localdate()):
        raise ValidationError(_("A step cannot be dated in the future."), code="future_step")


def current_revision(product, lot_code):
    """The latest published revision of a lot, or None."""
    return (
        TraceabilityBatch.objects.filter(product=product, lot_code=lot_code, status=Status.PUBLISHED)
        .order_by("-revision")
        .first()
    )


def revisions(product, lot_code):
    return TraceabilityBatch.objects.filter(
        product=product, lot_code=lot_code, status=Status.PUBLISHED
    ).order_by("-revision")


@transaction.atomic
def publish(batch):
    if batch.status == Status.PUBLISHED:
        return batch
    if not batch.steps.exists():
        raise ValidationError(_("Add at least one step before publishing."), code="no_steps")
    batch.status = Status.PUBLISHED
    batch.date_published = timezone.now()
    batch.save(update_fields=["status", "date_published"])
    return batch


@transaction.atomic
def revise(batch, change_note):
    """A new draft revision copying the published one; the published one stays as it was."""
    if batch.status != Status.PUBLISHED:
        return batch
    latest = TraceabilityBatch.objects.filter(product=batch.product, lot_code=batch.lot_code).aggregate(
        Max("revision")
    )["revision__max"]
    steps, certifications = list(batch.steps.all()), list(batch.certifications.all())
    batch.pk, batch.revision, batch.status = None, latest + 1, Status.DRAFT
    batch.date_published, batch.change_note = None, change_note
    batch._state.adding = True
    batch.save()
    for item in [*steps, *certifications]:
        item.pk, item.batch = None, batch
        item._state.adding = True
        item.save()
    return batch
