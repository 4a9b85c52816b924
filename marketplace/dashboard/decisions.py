"""Dashboard decisions: one form shape for every reviewed or moved thing (enterprise, certificate,
origin, parcel).

The move itself is the thing's :class:`marketplace.workflow.Workflow`; the form offers only the
moves it allows, asks its check before anything is done, and puts a refusal's message by the
field it is about. Each form carries the latest history row the person had in front of them
(``seen_change``), so a decision made on a page someone has since acted on is refused as stale.
"""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


def latest_change_id(workflow, instance):
    """The newest history row of ``instance`` (0 for none): what a page shows as its state."""
    history = workflow.history._default_manager.filter(**{workflow.subject: instance})
    return history.order_by("-pk").values_list("pk", flat=True).first() or 0


class BaseDecisionForm(forms.Form):
    """A decision on ``instance``: a ``to_status`` field (declared by each form, with its own labels and
    messages), the written reason and what else the move needs.

    Fill in ``workflow``, ``stale_message`` and ``actions`` (the buttons, which are also the moves
    offered); override :meth:`extras` for what else the workflow's check needs.
    """

    workflow = None  # the Workflow the decision goes through
    stale_message = None  # why a decision on an out-of-date page is refused
    reason_field = "reason"  # this form's field for the written reason
    error_fields = {}  # a refusal's code: the field its message belongs to
    refusal_field = "to_status"  # where other refusals go (None: above the form)
    # (from, to) status: the move's button (label, Bootstrap style). A move the workflow allows
    # without a button here is someone else's (the enterprise's own, the payment's...): not offered.
    actions = {}

    seen_change = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, instance, *args, **kwargs):
        self.instance = instance
        self.latest_change_id = latest_change_id(self.workflow, instance)
        kwargs.setdefault("initial", {}).setdefault("seen_change", self.latest_change_id)
        super().__init__(*args, **kwargs)
        offered = self.offered_moves(self.status)
        self.fields["to_status"].choices = [
            (value, label) for value, label in self.workflow.statuses.choices if value in offered
        ]

    @property
    def status(self):
        return self.workflow.status_of(self.instance)

    def offered_moves(self, status):
        """The statuses this form offers from ``status``: the allowed moves that have a button."""
        return {move for move in self.workflow.allowed_moves(status) if (status, move) in self.actions}

    def extras(self, cleaned):
        """What else the workflow's check needs, from the cleaned data."""
        return {}

    def clean(self):
        cleaned = super().clean()
        seen = cleaned.get("seen_change")
        if seen is not None and seen != self.latest_change_id:
            raise ValidationError(self.stale_message, code="stale")
        if cleaned.get("to_status"):
            try:
                self.workflow.check(
                    self.status,
                    cleaned["to_status"],
                    cleaned.get(self.reason_field, ""),
                    instance=self.instance,
                    **self.extras(cleaned),
                )
            except ValidationError as refusal:
                self.add_error(self.error_fields.get(refusal.code, self.refusal_field), refusal)
        return cleaned

    def is_stale(self):
        """Whether the decision was made on a page the thing's status has moved on from."""
        return self.has_error(NON_FIELD_ERRORS, "stale") or self.has_error("to_status", "invalid_choice")

    @property
    def moves(self):
        """(status, button label, style) of each move offered, for one button each."""
        return [
            (status, *self.actions[self.status, status])
            for status, _label in self.fields["to_status"].choices
        ]
