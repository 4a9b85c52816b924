"""An enterprise's traceability lots: drafted, published, and revised without touching what was published.

A lot's form is three forms (the lot, its steps, its certifications) validated
together and saved in one transaction: a refused step or a failed publication
leaves nothing saved.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView
from oscar.core.loading import get_model

from catalogue import traceability
from catalogue.badges import trace_url
from catalogue.qr import QR_FORMATS, qr_download

from ..lot_forms import CertificationFormSet, LotForm, ReviseForm, StepFormSet
from ..scope import EnterpriseStaffMixin, own_lots

Lot = get_model("catalogue", "Lot")
Status = Lot.Status


def same_lot(**extra):
    return Lot.objects.filter(product=OuterRef("product"), lot_code=OuterRef("lot_code"), **extra)


def latest_revisions(lots):
    """Each lot once, at its latest revision, knowing whether any revision of it is public."""
    newest = same_lot().order_by("-revision").values("revision")[:1]
    return lots.filter(revision=Subquery(newest)).annotate(
        is_public=Exists(same_lot(status=Status.PUBLISHED))
    )


class LotListView(EnterpriseStaffMixin, ListView):
    template_name = "oscar/dashboard/ocop/lot_list.html"
    context_object_name = "lots"
    paginate_by = 25

    def get_queryset(self):
        lots = latest_revisions(own_lots(self.enterprise)).select_related("product")
        return lots.order_by("-production_date", "lot_code", "pk")


class LotEditorMixin(EnterpriseStaffMixin):
    """Shows and saves a draft lot with its steps and certifications."""

    template_name = "oscar/dashboard/ocop/lot_form.html"

    def bound_forms(self, lot, bound=True):
        data, files = (self.request.POST, self.request.FILES) if bound else (None, None)
        return (
            LotForm(data, files, instance=lot, enterprise=self.enterprise),
            StepFormSet(data, files, instance=lot, prefix="steps"),
            CertificationFormSet(data, files, instance=lot, prefix="certifications"),
        )

    def render_forms(self, lot, forms):
        form, steps, certifications = forms
        context = {"lot": lot, "form": form, "steps": steps, "certifications": certifications}
        return render(self.request, self.template_name, context)

    def save(self, pk=None):
        """Validate and save the posted lot: the draft ``pk``, or a new lot."""
        forms = self.bound_forms(self.stored(pk))
        form, steps, certifications = forms
        publish = "publish" in self.request.POST
        if all([form.is_valid(), steps.is_valid(), certifications.is_valid()]):
            if publish and not steps.ordered_forms:
                form.add_error(
                    None, ValidationError(_("Add at least one step before publishing."), code="no_steps")
                )
            else:
                try:
                    lot = self.save_valid(forms, publish)
                except (ValidationError, IntegrityError) as refusal:
                    # Rolled back: show the posted values again on forms untouched by the attempt.
                    forms = self.bound_forms(self.stored(pk))
                    for part in forms:
                        part.is_valid()
                    forms[0].add_error(None, self.explain(refusal, forms[0]))
                else:
                    return self.saved(lot, publish)
        messages.error(self.request, _("The lot was not saved: please correct the errors below."))
        return self.render_forms(forms[0].instance, forms)

    @transaction.atomic
    def save_valid(self, forms, publish):
        form, steps, certifications = forms
        if form.instance.pk:
            locked = own_lots(self.enterprise).select_for_update().get(pk=form.instance.pk)
            if locked.status != Status.DRAFT:
                raise ValidationError(
                    _("This revision has been published meanwhile: it can no longer be changed."),
                    code="published",
                )
        lot = form.save()
        steps.save_in_order(lot)
        certifications.instance = lot
        certifications.save()
        if publish:
            traceability.publish(lot)
        return lot

    def stored(self, pk):
        """The draft as stored (a new, unsaved lot without ``pk``): forms never share an instance."""
        return own_lots(self.enterprise).get(pk=pk) if pk else Lot()

    @staticmethod
    def explain(refusal, form):
        if isinstance(refusal, IntegrityError):  # another request created the same lot meanwhile
            lot_code = form.cleaned_data.get("lot_code", "")
            return _("This product already has a lot %(lot)s: revise it instead.") % {"lot": lot_code}
        return refusal

    def saved(self, lot, published):
        if published:
            message = _("Lot %(lot)s is published: its public page and QR code are ready.")
        else:
            message = _("Lot %(lot)s is saved as a draft. Shoppers will see it once you publish it.")
        messages.success(self.request, message % {"lot": lot.lot_code})
        return redirect("dashboard:ocop-lot-update", pk=lot.pk)


class LotCreateView(LotEditorMixin, View):
    def get(self, request, *args, **kwargs):
        return self.render_forms(Lot(), self.bound_forms(Lot(), bound=False))

    def post(self, request, *args, **kwargs):
        return self.save()


class LotUpdateView(LotEditorMixin, View):
    """A draft's form; a published revision is shown as it is, with its QR codes and a way to revise it."""

    detail_template_name = "oscar/dashboard/ocop/lot_detail.html"

    def get_object(self):
        return get_object_or_404(own_lots(self.enterprise).select_related("product"), pk=self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        lot = self.get_object()
        if lot.status == Status.DRAFT:
            return self.render_forms(lot, self.bound_forms(lot, bound=False))
        return render_published(request, lot, ReviseForm())

    def post(self, request, *args, **kwargs):
        lot = self.get_object()
        if lot.status != Status.DRAFT:
            messages.error(request, _("A published lot is never edited: revise it to make a change."))
            return redirect("dashboard:ocop-lot-update", pk=lot.pk)
        return self.save(lot.pk)


def render_published(request, lot, revise_form):
    product = lot.product
    context = {
        "lot": lot,
        "product": product,
        "steps": lot.steps.all(),
        "certifications": lot.certifications.all(),
        "history": traceability.revisions(product, lot.lot_code),
        "current": traceability.current_revision(product, lot.lot_code),
        "draft": traceability.draft_revision(product, lot.lot_code),
        "public_url": trace_url(lot),
        "qr_formats": list(QR_FORMATS),
        "revise_form": revise_form,
    }
    return render(request, LotUpdateView.detail_template_name, context)


class LotReviseView(EnterpriseStaffMixin, View):
    """Starts a new draft revision of a published lot, copying its latest published revision."""

    http_method_names = ["post"]

    def post(self, request, pk):
        lot = get_object_or_404(own_lots(self.enterprise).select_related("product"), pk=pk)
        current = traceability.current_revision(lot.product, lot.lot_code)
        if current is None:
            messages.error(request, _("Only a published lot can be revised; edit the draft instead."))
            return redirect("dashboard:ocop-lot-update", pk=lot.pk)
        draft = traceability.draft_revision(lot.product, lot.lot_code)
        if draft is not None:
            messages.info(request, _("A revision of this lot is already being drafted: here it is."))
            return redirect("dashboard:ocop-lot-update", pk=draft.pk)
        form = ReviseForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("The revision was not started: please correct the errors below."))
            return render_published(request, lot, form)
        try:
            revision = traceability.revise(current, form.cleaned_data["change_note"])
        except IntegrityError:  # another click started it meanwhile
            revision = traceability.draft_revision(lot.product, lot.lot_code)
        messages.success(
            request,
            _(
                "Revision %(number)s of lot %(lot)s is a draft: make the change, then publish it. "
                "Revision %(previous)s stays published until then."
            )
            % {"number": revision.revision, "lot": revision.lot_code, "previous": current.revision},
        )
        return redirect("dashboard:ocop-lot-update", pk=revision.pk)


class LotQrCodeView(EnterpriseStaffMixin, View):
    """The QR code for the lot's labels, pointing at its public page."""

    def get(self, request, pk, fmt):
        lot = get_object_or_404(own_lots(self.enterprise).select_related("product"), pk=pk)
        current = traceability.current_revision(lot.product, lot.lot_code)
        if current is None:
            raise Http404
        return qr_download(request, current, fmt)
