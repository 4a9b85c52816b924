"""Traceability lots: drafting, publishing, and revising without rewriting history."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Lot

Status = Lot.Status


# GS1 AI (10) allows up to 20 characters; the lot is a path segment of its public URL,
# so keep to characters that need no escaping there.
LOT_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,19}")


def check_lot_code(lot_code):
    if not LOT_CODE.fullmatch(lot_code):
        raise ValidationError(
            _(
                "A lot code has at most 20 characters: letters without accents, digits, "
                "and “-”, “.” or “_” (not first)."
            ),
            code="invalid_lot_code",
        )


def check_new_lot(product, lot_code, exclude=None):
    """A product's lot code names one lot; ``exclude`` is the draft being edited, if any."""
    lots = Lot.objects.filter(product=product, lot_code=lot_code)
    if exclude is not None:
        lots = lots.exclude(pk=exclude.pk)
    if lots.exists():
        message = _("This product already has a lot %(lot)s: revise it instead.") % {"lot": lot_code}
        raise ValidationError({"lot_code": ValidationError(message, code="lot_reused")})


def check_step_date(date, today=None):
    if date > (today or timezone.localdate()):
        raise ValidationError(_("A step cannot be dated in the future."), code="future_step")


def check_lot_dates(production_date, best_before, today=None):
    errors = {}
    if production_date and production_date > (today or timezone.localdate()):
        errors["production_date"] = ValidationError(
            _("A lot cannot be produced or harvested in the future."), code="future_production"
        )
    if production_date and best_before and best_before <= production_date:
        errors["best_before"] = ValidationError(
            _("The best-before date must come after the production date."), code="best_before_production"
        )
    if errors:
        raise ValidationError(errors)


def current_revision(product, lot_code):
    """The latest published revision of a lot, or None."""
    return (
        Lot.objects.filter(product=product, lot_code=lot_code, status=Status.PUBLISHED)
        .order_by("-revision")
        .first()
    )


def draft_revision(product, lot_code):
    """The revision of a lot being drafted, if any: a lot has at most one at a time."""
    return Lot.objects.filter(product=product, lot_code=lot_code, status=Status.DRAFT).first()


def revisions(product, lot_code):
    return Lot.objects.filter(product=product, lot_code=lot_code, status=Status.PUBLISHED).order_by(
        "-revision"
    )


@transaction.atomic
def publish(lot):
    if lot.status == Status.PUBLISHED:
        return lot
    if not lot.steps.exists():
        raise ValidationError(_("Add at least one step before publishing."), code="no_steps")
    lot.status = Status.PUBLISHED
    lot.date_published = timezone.now()
    lot.save(update_fields=["status", "date_published"])
    return lot


@transaction.atomic
def revise(lot, change_note):
    """A new draft revision copying the published one; the published one stays as it was.

    A lot already being revised keeps its one draft: that draft is returned.
    """
    if lot.status != Status.PUBLISHED:
        return lot
    draft = draft_revision(lot.product, lot.lot_code)
    if draft is not None:
        return draft
    latest = Lot.objects.filter(product=lot.product, lot_code=lot.lot_code).aggregate(Max("revision"))[
        "revision__max"
    ]
    steps, certifications = list(lot.steps.all()), list(lot.certifications.all())
    lot.pk, lot.revision, lot.status = None, latest + 1, Status.DRAFT
    lot.date_published, lot.change_note = None, change_note
    lot._state.adding = True
    lot.save()
    for item in [*steps, *certifications]:
        item.pk, item.lot = None, lot
        item._state.adding = True
        item.save()
    return lot


def traceable_lots(product, shown=5):
    """The lots a shopper can trace, newest first: each lot's latest published revision that records
    a step. Reads the product's fetched lots (the product page fetches them with their step counts)."""
    from .badges import records_steps

    latest = {}
    for lot in product.lots.all():
        if lot.status == Status.PUBLISHED and records_steps(lot):
            kept = latest.get(lot.lot_code)
            if kept is None or lot.revision > kept.revision:
                latest[lot.lot_code] = lot
    return sorted(latest.values(), key=lambda lot: (lot.production_date, lot.lot_code), reverse=True)[:shown]
