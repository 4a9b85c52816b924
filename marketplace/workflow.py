"""A status workflow: which moves a record's status may make, and making one with its history kept.

Enterprises' review, OCOP certificates' verification, products' origin claims and parcels'
fulfilment are each one subclass of :class:`Workflow`: the class attributes describe the
workflow, the hooks add what a move also means there (a submission date, a specialty flag,
a tracking number, stock and ledger entries...). Every move goes through
:meth:`Workflow.move`, which locks the row so two people acting at once cannot both move
it from the same status.

Every move of a workflow that names its ``audit_kind`` is also written to the audit log, in
the same transaction (:mod:`marketplace.audit.log`, which imports no model at import time).

Imports nothing else from the project's apps, so every app may build on it.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext, gettext_noop

from marketplace.audit import log as audit_log


class Workflow:
    """How one model's status moves. Subclass it and fill in the attributes."""

    model = None  # the model whose status moves
    status_field = "status"  # the model's field holding the status
    statuses = None  # its status choices (a TextChoices)
    history = None  # its history model, with from_status and to_status
    subject = None  # the history's foreign key to ``model``
    reason_field = "reason"  # the history's field for the written reason
    by_field = "changed_by"  # the history's field for who decided
    moves = {}  # each status: the statuses it may become
    needs_reason = frozenset()  # moves to these statuses need a written reason
    # A decision may keep the status and change only something else (``check_extras`` says
    # whether it changes anything); it is kept in the history like a move.
    may_keep_status = False
    # Messages are marked here and translated when raised, in the language of the person acting.
    cannot_become = None  # e.g. gettext_noop("A parcel that is %(from)s cannot become %(to)s.")
    reason_required = gettext_noop("Please write the reason for this decision.")
    saved_fields = ("status",)  # saved by a move, and copied back onto the caller's instance
    audit_kind = None  # its moves' kind in the audit log (audit.models.AuditKind); None: not logged

    def allowed_moves(self, status):
        return self.moves.get(status, set())

    def check(self, from_status, to_status, reason="", instance=None, **extras):
        """Raise ValidationError (with a code) unless the move, its reason and its extras are all there."""
        if not (self.may_keep_status and to_status == from_status):
            if to_status not in self.allowed_moves(from_status):
                raise ValidationError(
                    gettext(self.cannot_become)
                    % {"from": self.label(from_status), "to": self.label(to_status)},
                    code="move_not_allowed",
                )
            if to_status in self.needs_reason and not reason.strip():
                raise ValidationError(gettext(self.reason_required), code="reason_required")
        self.check_extras(to_status, instance, **extras)

    def label(self, status):
        """How a status reads inside a sentence: its label, lower-cased."""
        return self.statuses(status).label.lower()

    def status_of(self, instance):
        return getattr(instance, self.status_field)

    @transaction.atomic
    def move(self, instance, to_status, by=None, reason="", **extras):
        """Make the move on the locked row, record who, from, to and why, and return that record."""
        locked = self.model._default_manager.select_for_update().get(pk=instance.pk)
        self.check(self.status_of(locked), to_status, reason, instance=locked, **extras)
        change = self.record(locked, to_status, by=by, reason=reason, **extras)
        locked.save(update_fields=list(self.saved_fields))
        self.after_save(locked, change, **extras)
        for field in self.saved_fields:
            setattr(instance, field, getattr(locked, field))
        return change

    def record(self, instance, to_status, by=None, reason="", **extras):
        """Keep the move in the history and apply it to ``instance``, unchecked and unsaved.

        :meth:`move` calls it on the locked row; call it alone only inside a save of ``instance``
        that the move rides on (and so needs no check of its own).
        """
        change = self.history._default_manager.create(
            **{self.subject: instance, self.reason_field: reason.strip(), self.by_field: by},
            from_status=self.status_of(instance),
            to_status=to_status,
            **self.recorded_extras(**extras),
        )
        decisions = self.audit_decisions(instance, change, **extras)
        if decisions:
            audit_log.record_move(
                instance, change, decisions, by=by, reason=reason, enterprise=self.audit_enterprise(instance)
            )
        setattr(instance, self.status_field, to_status)
        self.before_save(instance, change, **extras)
        return change

    # Hooks: what a move needs and means beyond the status. ``instance`` may be None
    # in check_extras when a form checks a move before making it.

    def check_extras(self, to_status, instance=None, **extras):
        """Raise ValidationError if something else this move needs is missing."""

    def audit_decisions(self, instance, change, **extras):
        """What the audit log keeps of this move: a dict per entry (kind, from/to and their labels).

        Called before the move touches ``instance``, which still holds what it was. By default one
        entry of ``audit_kind`` when the status changes; none when ``audit_kind`` is None.
        """
        if self.audit_kind is None or change.from_status == change.to_status:
            return []
        return [self.audit_decision(self.audit_kind, change.from_status, change.to_status)]

    def audit_enterprise(self, instance):
        """The enterprise the audit log files the move under; None: the log finds it from ``instance``."""
        return None

    def audit_decision(self, kind, from_status, to_status):
        """One audit entry's kind, statuses and their labels."""
        return {
            "kind": kind,
            "from_status": from_status,
            "to_status": to_status,
            "from_label": self.statuses(from_status).label if from_status else "",
            "to_label": self.statuses(to_status).label if to_status else "",
        }

    def recorded_extras(self, **extras):
        """The history row's other fields, from the move's extras."""
        return {}

    def before_save(self, locked, change, **extras):
        """Set the locked row's other fields that this move changes (list them in ``saved_fields``)."""

    def after_save(self, locked, change, **extras):
        """Do what the move means elsewhere, in the same transaction (stock, ledger...)."""
