"""Writing the audit log: :func:`record` for one decision, :func:`record_move` for a workflow's move.

Imports no model at import time, so ``marketplace.workflow`` (which every app builds on) may
import it. Call inside the decision's transaction: the entry stands or falls with it.
"""

from django.apps import apps
from django.utils import translation
from django.utils.translation import gettext_noop

# The provincial specialty flag as the log shows it moving, from and to: (value, label) by flag.
SPECIALTY = {
    True: ("specialty", gettext_noop("Specialty of the province")),
    False: ("not_specialty", gettext_noop("Not a specialty")),
}


def msgid(label):
    """A label's English text, which is its message id: stored so each reader translates it."""
    if not label:
        return ""
    with translation.override("en"):
        return str(label)[:128]


def enterprise_of(subject):
    """The enterprise a subject belongs to: its ``enterprise``, or (a product) its first seller.

    Read by shape, not by model, so the log depends on no app (they all write to it).
    """
    enterprise = getattr(subject, "enterprise", None)
    if enterprise is not None:
        return enterprise
    stockrecords = getattr(subject, "stockrecords", None)
    if stockrecords is not None:
        record = stockrecords.select_related("partner").order_by("pk").first()
        return record.partner if record else None
    return None


def label_of(subject):
    """How the log names a subject: a product by its title, anything else as it prints itself."""
    get_title = getattr(subject, "get_title", None)
    return str(get_title() if callable(get_title) else subject)[:255]


def person(user):
    """(user, e-mail, name) as kept on the entry; nobody for automatic decisions."""
    if user is None or not getattr(user, "pk", None):
        return None, "", ""
    name = user.get_full_name() if hasattr(user, "get_full_name") else ""
    return user, (getattr(user, "email", "") or "")[:254], (name or "")[:255]


def record(
    kind,
    subject,
    *,
    by=None,
    reason="",
    from_status="",
    to_status="",
    from_label="",
    to_label="",
    amount=None,
    enterprise=None,
    label=None,
    when=None,
):
    """Append one decision to the log and return its entry.

    ``enterprise`` defaults to the subject's (:func:`enterprise_of`), ``label`` to the subject's
    name (:func:`label_of`); labels are status labels (lazy translations are fine).
    """
    AuditEntry = apps.get_model("audit", "AuditEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    enterprise = enterprise if enterprise is not None else enterprise_of(subject)
    who, email, name = person(by)
    fields = {"when": when} if when is not None else {}
    return AuditEntry.objects.create(
        kind=kind,
        who=who,
        who_email=email,
        who_name=name,
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=str(subject.pk),
        subject_label=label if label is not None else label_of(subject),
        enterprise_id=enterprise.pk if enterprise is not None else None,
        enterprise_name=enterprise.name[:255] if enterprise is not None else "",
        from_status=from_status or "",
        from_label=msgid(from_label),
        to_status=to_status or "",
        to_label=msgid(to_label),
        reason=(reason or "").strip(),
        amount=amount,
        **fields,
    )


def record_move(instance, change, decisions, by=None, reason="", enterprise=None):
    """The entries of one workflow move: ``decisions`` are ``Workflow.audit_decisions``' dicts."""
    when = getattr(change, "date_created", None)
    return [
        record(subject=instance, by=by, reason=reason, when=when, enterprise=enterprise, **decision)
        for decision in decisions
    ]
