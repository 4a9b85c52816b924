"""An enterprise's application, its profile and its papers.

A signed-in person applies for one enterprise: they save a draft, upload the
business registration certificate and submit it to the Department. Status
only ever changes through ``vendors.review.move``, which keeps the history.
Every write happens in one transaction, so a refused form or file leaves
nothing half-saved.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from marketplace.private_files import private_file_response
from marketplace.text import slugify_vi

from .. import review
from ..forms import (
    DUPLICATE_TAX_CODE,
    ApplicationForm,
    DocumentUploadForm,
    ProfileForm,
    needs_registration_certificate,
)
from ..membership import any_enterprise_of, approved_enterprise_of
from ..models import EnterpriseDocument, EnterpriseStatus, Partner

EDITABLE = {EnterpriseStatus.DRAFT, EnterpriseStatus.CHANGES_REQUESTED}
REVIEW_PERMISSION = "partner.review_enterprises"
STATUS_STYLES = {
    EnterpriseStatus.DRAFT: "secondary",
    EnterpriseStatus.SUBMITTED: "info",
    EnterpriseStatus.CHANGES_REQUESTED: "warning",
    EnterpriseStatus.APPROVED: "success",
    EnterpriseStatus.REJECTED: "danger",
    EnterpriseStatus.SUSPENDED: "dark",
}
TEMPLATE_DIR = "vendors/application/"


class EditingClosed(Exception):
    """The application left the applicant's hands between loading the page and saving it."""


def unique_slug(name, exclude_pk=None):
    base = slugify_vi(name)[:130].strip("-") or "doanh-nghiep"
    others = Partner.objects.exclude(pk=exclude_pk)
    slug, number = base, 1
    while others.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def missing_for_submission(enterprise):
    """What the Department needs before it can review the application, as messages."""
    problems = []
    required = ("name", "representative", "phone", "province_id", "commune_id", "street_address")
    if not all(getattr(enterprise, field) for field in required) or (
        needs_registration_certificate(enterprise) and not enterprise.tax_code
    ):
        problems.append(_("Please complete the application form and save it before submitting."))
    certificates = enterprise.documents.filter(kind=EnterpriseDocument.Kind.BUSINESS_REGISTRATION)
    if needs_registration_certificate(enterprise) and not certificates.exists():
        problems.append(_("Please upload your business registration certificate before submitting."))
    return problems


class ApplicationView(LoginRequiredMixin, View):
    """/vendors/apply/: the draft while it is the applicant's to edit, a read-only summary afterwards."""

    def get(self, request, *args, **kwargs):
        enterprise = any_enterprise_of(request.user)
        if enterprise and enterprise.status not in EDITABLE:
            return self.render_summary(enterprise)
        return self.render_form(enterprise, self.blank_form(enterprise))

    def post(self, request, *args, **kwargs):
        enterprise = any_enterprise_of(request.user)
        if enterprise and enterprise.status not in EDITABLE:
            messages.error(request, _("Your application is with the Department and cannot be changed now."))
            return redirect("enterprises:apply")
        if "upload_document" in request.POST:
            return self.upload_document(enterprise)
        if "change_province" in request.POST:
            return self.render_form(enterprise, self.form_for_province(enterprise))
        return self.save_draft(enterprise)

    # --- The application form ------------------------------------------------------------

    def blank_form(self, enterprise):
        if enterprise:
            return ApplicationForm(instance=enterprise)
        user = self.request.user
        return ApplicationForm(initial={"representative": user.get_full_name(), "email": user.email})

    def form_for_province(self, enterprise):
        """The form as typed, offering the communes of the newly chosen province (nothing saved)."""
        initial = {key: value for key, value in self.request.POST.items() if key != "commune"}
        instance = Partner.objects.get(pk=enterprise.pk) if enterprise else Partner()
        return ApplicationForm(instance=instance, initial=initial)

    def save_draft(self, enterprise):
        request = self.request
        # A fresh copy: a refused form must not leave typed values on the page's header.
        instance = Partner.objects.get(pk=enterprise.pk) if enterprise else Partner()
        form = ApplicationForm(request.POST, request.FILES, instance=instance)
        if not form.is_valid():
            messages.error(request, _("Your application was not saved: please correct the errors below."))
            return self.render_form(enterprise, form)
        try:
            with transaction.atomic():
                if enterprise is None:
                    self.create_draft(form)
                else:
                    self.update_draft(enterprise, form)
        except IntegrityError:
            form.add_error("tax_code", ValidationError(DUPLICATE_TAX_CODE, code="duplicate"))
            messages.error(request, _("Your application was not saved: please correct the errors below."))
            return self.render_form(enterprise, form)
        except EditingClosed as closed:
            messages.error(request, str(closed))
            return redirect("enterprises:apply")
        messages.success(request, _("Your application has been saved as a draft."))
        return redirect("enterprises:apply")

    def create_draft(self, form):
        user = self.request.user
        # Locking the applicant makes two quick clicks create one enterprise, not two.
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        if user.partners.exists():
            raise EditingClosed(_("You have already applied for an enterprise."))
        enterprise = form.save(commit=False)
        enterprise.status = EnterpriseStatus.DRAFT
        enterprise.slug = unique_slug(enterprise.name)
        enterprise.save()
        enterprise.users.add(user)
        return enterprise

    def update_draft(self, enterprise, form):
        locked = Partner.objects.select_for_update().get(pk=enterprise.pk)
        if locked.status not in EDITABLE:
            raise EditingClosed(_("Your application is with the Department and cannot be changed now."))
        updated = form.save(commit=False)
        fields = [*form.Meta.fields, "date_updated"]
        if updated.name != locked.name:
            updated.slug = unique_slug(updated.name, exclude_pk=updated.pk)
            fields.append("slug")
        updated.save(update_fields=fields)

    # --- Documents -----------------------------------------------------------------------

    def upload_document(self, enterprise):
        request = self.request
        if enterprise is None:
            messages.error(request, _("Please save your application as a draft before uploading documents."))
            return redirect("enterprises:apply")
        form = DocumentUploadForm(request.POST, request.FILES, enterprise=enterprise, user=request.user)
        if not form.is_valid():
            messages.error(request, _("The document was not uploaded: please correct the errors below."))
            return self.render_form(enterprise, ApplicationForm(instance=enterprise), document_form=form)
        try:
            with transaction.atomic():
                locked = Partner.objects.select_for_update().get(pk=enterprise.pk)
                if locked.status not in EDITABLE:
                    raise EditingClosed(
                        _("Your application is with the Department and cannot be changed now.")
                    )
                form.save()
        except EditingClosed as closed:
            messages.error(request, str(closed))
            return redirect("enterprises:apply")
        messages.success(request, _("The document has been uploaded."))
        return redirect("enterprises:apply")

    # --- Pages ---------------------------------------------------------------------------

    def render_form(self, enterprise, form, document_form=None):
        if enterprise and document_form is None:
            document_form = DocumentUploadForm(enterprise=enterprise, user=self.request.user)
        context = {
            "enterprise": enterprise,
            "form": form,
            "document_form": document_form,
            **self.enterprise_context(enterprise),
        }
        return render(self.request, TEMPLATE_DIR + "form.html", context)

    def render_summary(self, enterprise):
        return render(self.request, TEMPLATE_DIR + "summary.html", self.enterprise_context(enterprise))

    def enterprise_context(self, enterprise):
        if enterprise is None:
            return {}
        changes = list(enterprise.status_changes.select_related("changed_by"))
        change_request = None
        if enterprise.status == EnterpriseStatus.CHANGES_REQUESTED:
            change_request = next(
                (c for c in changes if c.to_status == EnterpriseStatus.CHANGES_REQUESTED), None
            )
        return {
            "enterprise": enterprise,
            "status_style": STATUS_STYLES.get(enterprise.status, "secondary"),
            "documents": list(enterprise.documents.all()),
            "status_changes": changes,
            "change_request": change_request,
            "needs_certificate": needs_registration_certificate(enterprise),
            "submission_problems": missing_for_submission(enterprise),
        }


class SubmitApplicationView(LoginRequiredMixin, View):
    """Hands the draft to the Department; submitting twice changes nothing the second time."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        enterprise = any_enterprise_of(request.user)
        if enterprise is None:
            messages.error(request, _("Please fill in and save your application first."))
            return redirect("enterprises:apply")
        already = _("Your application is already with the Department.")
        if enterprise.status == EnterpriseStatus.SUBMITTED:
            messages.info(request, already)
            return redirect("enterprises:apply")
        problems = missing_for_submission(enterprise) if enterprise.status in EDITABLE else []
        if problems:
            for problem in problems:
                messages.error(request, problem)
            return redirect("enterprises:apply")
        try:
            review.move(enterprise, EnterpriseStatus.SUBMITTED, by=request.user)
        except ValidationError as refusal:
            enterprise.refresh_from_db(fields=["status"])
            if enterprise.status == EnterpriseStatus.SUBMITTED:
                messages.info(request, already)
            else:
                messages.error(request, " ".join(refusal.messages))
            return redirect("enterprises:apply")
        messages.success(
            request,
            _("Your application has been submitted. The Department will review it and let you know."),
        )
        return redirect("enterprises:apply")


class ProfileView(LoginRequiredMixin, View):
    """/vendors/profile/: an approved enterprise's public face; its legal identity stays as approved."""

    def get_enterprise(self):
        return approved_enterprise_of(self.request.user)

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.get_enterprise() is None:
            messages.info(
                request, _("Your enterprise's profile can be edited once the Department has approved it.")
            )
            return redirect("enterprises:apply")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        enterprise = self.get_enterprise()
        return self.render(enterprise, ProfileForm(instance=enterprise))

    def post(self, request, *args, **kwargs):
        enterprise = self.get_enterprise()
        form = ProfileForm(request.POST, request.FILES, instance=Partner.objects.get(pk=enterprise.pk))
        if not form.is_valid():
            messages.error(request, _("Your profile was not saved: please correct the errors below."))
            return self.render(enterprise, form)
        with transaction.atomic():
            form.save(commit=False).save(update_fields=[*form.Meta.fields, "date_updated"])
        messages.success(request, _("Your profile has been saved."))
        return redirect("enterprises:profile")

    def render(self, enterprise, form):
        context = {"enterprise": enterprise, "form": form}
        return render(self.request, TEMPLATE_DIR + "profile.html", context)


class DocumentDownloadView(LoginRequiredMixin, View):
    """Streams a paper to its enterprise's staff and the Department; to anyone else it does not exist."""

    def get(self, request, pk, *args, **kwargs):
        document = get_object_or_404(EnterpriseDocument.objects.select_related("enterprise"), pk=pk)
        user = request.user
        allowed = (
            user.is_staff
            or user.has_perm(REVIEW_PERMISSION)
            or document.enterprise.users.filter(pk=user.pk).exists()
        )
        if not allowed:
            raise Http404
        return private_file_response(
            document.file,
            filename=document.original_name,
            content_type=document.content_type,
            as_attachment=True,
        )
