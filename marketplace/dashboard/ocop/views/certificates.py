"""An enterprise's OCOP certificates: recorded by its staff, editable only until the Department decides."""

from django.contrib import messages
from django.db import transaction
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import CreateView, ListView, UpdateView
from oscar.core.loading import get_model

from catalogue import ocop

from ..certificate_forms import CertificateForm
from ..scope import EnterpriseStaffMixin, own_certificates

CertificateStatusChange = get_model("catalogue", "CertificateStatusChange")
OcopCertificate = get_model("catalogue", "OcopCertificate")
Status = OcopCertificate.Status


class CertificateListView(EnterpriseStaffMixin, ListView):
    template_name = "oscar/dashboard/ocop/certificate_list.html"
    context_object_name = "certificates"
    paginate_by = 25

    def get_queryset(self):
        return own_certificates(self.enterprise).prefetch_related("products")


class CertificateFormMixin(EnterpriseStaffMixin):
    form_class = CertificateForm
    template_name = "oscar/dashboard/ocop/certificate_form.html"
    context_object_name = "certificate"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "enterprise": self.enterprise}

    def form_invalid(self, form):
        messages.error(self.request, _("The certificate was not saved: please correct the errors below."))
        return super().form_invalid(form)

    def saved(self, certificate, message):
        messages.success(self.request, message)
        return redirect("dashboard:ocop-certificate-update", pk=certificate.pk)


class CertificateCreateView(CertificateFormMixin, CreateView):
    def form_valid(self, form):
        with transaction.atomic():
            certificate = form.save(commit=False)
            certificate.enterprise = self.enterprise
            certificate.save()
            form.save_m2m()
        return self.saved(certificate, _("The certificate has been recorded. The Department will verify it."))


class CertificateUpdateView(CertificateFormMixin, UpdateView):
    """A pending certificate's form; once the Department has decided, the record is read-only."""

    def get_queryset(self):
        history = CertificateStatusChange.objects.select_related("changed_by")
        return own_certificates(self.enterprise).prefetch_related(
            "products", Prefetch("status_changes", history)
        )

    def is_editable(self):
        return self.object.status == Status.PENDING

    def get_form(self, form_class=None):
        return super().get_form(form_class) if self.is_editable() else None

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            editable=self.is_editable(),
            is_public=self.object.status in (Status.VERIFIED, Status.REVOKED, Status.SUPERSEDED),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        if not self.is_editable():
            return self.closed()
        form = self.get_form()
        return self.form_valid(form) if form.is_valid() else self.form_invalid(form)

    def form_valid(self, form):
        with transaction.atomic():
            # The Department may have decided while the form was open: decide on the locked row.
            locked = own_certificates(self.enterprise).select_for_update().get(pk=self.object.pk)
            if locked.status != Status.PENDING:
                return self.closed()
            certificate = form.save()
            ocop.record_edit(certificate, by=self.request.user)
        return self.saved(certificate, _("The certificate has been saved."))

    def closed(self):
        messages.error(
            self.request,
            _("The Department has decided on this certificate: it can no longer be changed."),
        )
        return redirect("dashboard:ocop-certificate-update", pk=self.object.pk)
