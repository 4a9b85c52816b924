"""Recording the e-invoice an enterprise issued for a parcel, or correcting it; both are audit-logged."""

from django.db import transaction
from django.utils.translation import gettext_noop

from marketplace.audit import log
from marketplace.audit.models import AuditKind

from .models import IssuedInvoice

RECORDED, CORRECTED = gettext_noop("Invoice recorded"), gettext_noop("Invoice corrected")


def record_issued(parcel, form, by):
    """Save the form's invoice for ``parcel`` (a new record, or a correction of the one there)."""
    with transaction.atomic():
        previous = IssuedInvoice.objects.select_for_update().filter(parcel=parcel).first()
        invoice = form.save(commit=False)
        invoice.parcel = parcel
        if previous is not None:
            invoice.pk = previous.pk
        invoice.recorded_by = by
        invoice.save()
        log.record(
            AuditKind.INVOICE,
            parcel,
            by=by,
            reason=_summary(invoice),
            from_status="issued" if previous is not None else "",
            to_status="issued",
            from_label=RECORDED if previous is not None else "",
            to_label=CORRECTED if previous is not None else RECORDED,
        )
    return invoice


def _summary(invoice):
    parts = [f"{invoice.symbol} {invoice.number:08d}", invoice.issued_on.isoformat(), invoice.lookup_code]
    return " · ".join(part for part in parts if part)
