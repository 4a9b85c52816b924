"""Dashboard decisions: one form shape for every reviewed or moved thing (enterprise, certificate,
origin, parcel).

The move itself is the thing's :class:`marketplace.workflow.Workflow`; the form offers only the
moves it allows, asks its check before anything is done, and puts a refusal's message by the
field it is about. Each form carries the latest history row the person had in front of them
(``seen_change``), so a decision made on a page someone has since acted on is refused as stale.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy


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


class DecisionViewMixin:
    """Posting a decision form: a stale page is shown again with why, an invalid form is shown with
    its errors, and a move refused at the last moment (someone acted between the form's check and
    the locked move) changes nothing and says so.

    Fill in ``decision_form_class``; implement :meth:`decide` (make the move, return the success
    message) and :meth:`detail_url`; override :meth:`show_form` when the page is not rendered from
    ``get_context_data``.
    """

    http_method_names = ["post"]
    decision_form_class = None
    invalid_message = gettext_lazy("The decision was not recorded. Please check the form.")

    def post(self, request, *args, **kwargs):
        self.object = subject = self.get_object()
        form = self.decision_form_class(subject, request.POST)
        if not form.is_valid():
            if form.is_stale():
                messages.error(request, " ".join(form.non_field_errors() + form["to_status"].errors))
                return redirect(self.detail_url(subject))
            messages.error(request, self.invalid_message)
            return self.show_form(subject, form)
        try:
            done = self.decide(subject, form.cleaned_data)
        except ValidationError as refusal:
            messages.error(request, " ".join(refusal.messages))
        else:
            if done:
                messages.success(request, done)
        return redirect(self.detail_url(subject))

    def show_form(self, subject, form):
        return self.render_to_response(self.get_context_data(form=form))

    def decide(self, subject, data):
        """Make the move (raising ValidationError if refused) and return what to tell the person."""
        raise NotImplementedError

    def detail_url(self, subject):
        raise NotImplementedError
