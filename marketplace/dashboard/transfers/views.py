"""Bank transfers in the dashboard, for operators: the statement import (preview, then apply) and
the credits flagged for them, each settled by hand.

Every credit goes through ``marketplace.transfers.receiving`` whichever way it came, so a line
the bank had already notified is not counted twice.
"""

import base64

from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from marketplace.transfers import receiving, refunds_due, settling, statements
from marketplace.transfers.models import IncomingTransfer, StatementImport

from .forms import SETTLE_FORMS, ProblemFilterForm, StatementForm

SIGNING_SALT = "dashboard.transfers.statement"
PREVIEW_MAX_AGE = 60 * 60  # seconds an operator may take between the preview and "apply"


class TransferListView(TemplateView):
    """The credits flagged for the operator (or all of them), by problem, and the refunds the operator
    still has to send by transfer."""

    template_name = "oscar/dashboard/transfers/list.html"

    def get_context_data(self, **kwargs):
        form = ProblemFilterForm(self.request.GET)
        transfers = IncomingTransfer.objects.select_related("order", "settled_by")
        chosen = form.cleaned_data if form.is_valid() else {}
        if chosen.get("state") != "all":
            transfers = transfers.filter(state=IncomingTransfer.State.FLAGGED)
        if chosen.get("problem"):
            transfers = transfers.filter(problem=chosen["problem"])
        return super().get_context_data(
            form=form,
            transfers=transfers[:500],
            refunds_to_send=refunds_due.refunds_to_send()[:200],
            **kwargs,
        )


class TransferDetailView(TemplateView):
    """One credit, as the bank reported it, with the operator's decisions while it is flagged."""

    template_name = "oscar/dashboard/transfers/detail.html"

    def get_context_data(self, **kwargs):
        transfer = get_object_or_404(
            IncomingTransfer.objects.select_related("order", "statement", "settled_by"), pk=self.kwargs["pk"]
        )
        bound = kwargs.pop("bound_forms", {})
        initial = {"match": {"order_number": transfer.order.number}} if transfer.order_id else {}
        forms = {
            action: bound.get(action) or form_class(initial=initial.get(action))
            for action, form_class in SETTLE_FORMS.items()
        }
        return super().get_context_data(transfer=transfer, forms=forms, **kwargs)


class SettleView(View):
    """One of the operator's three decisions on a flagged credit; refused if settled meanwhile."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        action = kwargs["action"]
        if action not in SETTLE_FORMS:
            raise Http404
        transfer = get_object_or_404(IncomingTransfer, pk=kwargs["pk"])
        form = SETTLE_FORMS[action](request.POST)
        if not form.is_valid():
            messages.error(request, _("Nothing was changed. Please check the form."))
            view = TransferDetailView(request=request, args=(), kwargs={"pk": transfer.pk})
            return view.render_to_response(view.get_context_data(bound_forms={action: form}))
        data = form.cleaned_data
        try:
            if action == "match":
                settling.match(transfer, data["order_number"], by=request.user, note=data["note"])
            elif action == "return":
                settling.mark_returned(transfer, data["reference"], by=request.user, note=data["note"])
            else:
                settling.close(transfer, by=request.user, note=data["note"])
        except ValidationError as refusal:
            messages.error(request, " ".join(refusal.messages))
        else:
            messages.success(request, _("The credit %(id)s is settled.") % {"id": transfer.transaction_id})
        return redirect("dashboard:transfer-detail", pk=transfer.pk)


class StatementImportView(TemplateView):
    """Upload a statement; the answer previews what each line would do, and offers to apply it."""

    template_name = "oscar/dashboard/transfers/statement.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", StatementForm())
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        form = StatementForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        upload = form.cleaned_data["statement"]
        raw = upload.read(statements.MAX_BYTES + 1)
        try:
            credits = statements.read(raw)
        except statements.StatementError as error:
            for message in error.messages[:20]:
                form.add_error("statement", message)
            return self.render_to_response(self.get_context_data(form=form))
        token = signing.dumps(
            {"name": upload.name[:255], "content": base64.b64encode(raw).decode()},
            salt=SIGNING_SALT,
            compress=True,
        )
        return self.render_to_response(
            self.get_context_data(
                form=form, filename=upload.name, forecasts=receiving.foresee(credits), token=token
            )
        )


class StatementApplyView(View):
    """Apply the previewed statement: every line through the receiving rules, the file recorded once."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            previewed = signing.loads(
                request.POST.get("token", ""), salt=SIGNING_SALT, max_age=PREVIEW_MAX_AGE
            )
            credits = statements.read(base64.b64decode(previewed["content"]))
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            messages.error(
                request, _("The preview has expired or was altered; please upload the statement again.")
            )
            return redirect("dashboard:transfer-statement")
        counts = {"applied": 0, "flagged": 0, "known": 0}
        with transaction.atomic():
            statement = StatementImport.objects.create(filename=previewed["name"], imported_by=request.user)
            for credit in credits:
                transfer, created = receiving.receive(
                    credit, IncomingTransfer.Channel.STATEMENT, statement=statement
                )
                counts["known" if not created else transfer.state] += 1
        messages.success(
            request,
            _(
                "Statement applied: %(applied)d orders paid, %(flagged)d credits flagged for you, "
                "%(known)d already known."
            )
            % counts,
        )
        return redirect("dashboard:transfer-list")
