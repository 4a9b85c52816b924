"""The operator settling a flagged credit: paying an order with it by hand, recording that the
money went back to the sender, or closing it with a note.

Each holds the credit's row and refuses a credit settled meanwhile (another operator, another
tab), and writes the decision to the audit log in the same transaction.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.audit import log as audit_log

from . import receiving
from .models import IncomingTransfer

Outcome = IncomingTransfer.Outcome
State = IncomingTransfer.State


def match(transfer, order_number, by, note=""):
    """Pay the order numbered ``order_number`` with the credit, when its amount is exactly due."""
    with transaction.atomic():
        transfer = _flagged(transfer)
        order = receiving.transfer_order(order_number.strip())
        if order is None:
            raise ValidationError(
                _("There is no order %(number)s paid by bank transfer.") % {"number": order_number}
            )
        problem = receiving.problem_paying(order, transfer.amount, lock=True)
        if problem:
            raise ValidationError(
                _("This credit cannot pay order %(number)s: %(problem)s.")
                % {"number": order.number, "problem": IncomingTransfer.Problem(problem).label}
            )
        receiving.pay(order, transfer.transaction_id, transfer.amount)
        transfer.order = order
        return _settle(transfer, Outcome.MATCHED, by, note)


def mark_returned(transfer, reference, by, note=""):
    """The operator sent the money back; ``reference`` is the outgoing transfer's."""
    reference = (reference or "").strip()
    if not reference:
        raise ValidationError(_("Please give the reference of the transfer that sent the money back."))
    with transaction.atomic():
        transfer = _flagged(transfer)
        transfer.return_reference = reference
        return _settle(transfer, Outcome.RETURNED, by, note)


def close(transfer, by, note):
    """The operator settled the credit otherwise, and says how."""
    if not (note or "").strip():
        raise ValidationError(_("Please write how the credit was settled."))
    with transaction.atomic():
        return _settle(_flagged(transfer), Outcome.NOTED, by, note)


def _flagged(transfer):
    locked = IncomingTransfer.objects.select_for_update().get(pk=transfer.pk)
    if locked.state != State.FLAGGED:
        raise ValidationError(_("This credit was already settled; nothing was changed."))
    return locked


def _settle(transfer, outcome, by, note):
    transfer.state = State.SETTLED
    transfer.outcome = outcome
    transfer.settled_by = by
    transfer.settled_at = timezone.now()
    transfer.note = (note or "").strip()
    transfer.save()
    reason = transfer.note
    if outcome == Outcome.RETURNED:
        reason = " ".join(
            filter(
                None,
                [_("Outgoing transfer %(reference)s.") % {"reference": transfer.return_reference}, reason],
            )
        )
    audit_log.record(
        "bank_transfer",
        transfer,
        by=by,
        reason=reason,
        from_status=State.FLAGGED,
        from_label=State.FLAGGED.label,
        to_status=outcome,
        to_label=Outcome(outcome).label,
        amount=transfer.amount,
        label=transfer.transaction_id,
        enterprise=None,
    )
    return transfer
