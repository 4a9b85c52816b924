import pytest

from marketplace.audit.models import AuditEntry


@pytest.fixture
def new_entries(db):
    """The audit entries written since the test began (the demo's own decisions are older)."""
    last = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    def entries():
        return list(AuditEntry.objects.filter(pk__gt=last).order_by("pk"))

    return entries
