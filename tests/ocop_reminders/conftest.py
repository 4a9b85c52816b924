"""Each test's certificates are the only verified ones: the demo's are set aside (revoked)."""

import pytest
from django.core import mail

from tests.factories import enterprise_of
from tests.ocop_reminders.certificates import Clock, OcopCertificate


@pytest.fixture
def only_new_certificates(db):
    OcopCertificate.objects.update(status=OcopCertificate.Status.REVOKED)


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


@pytest.fixture
def enterprise(vendor1):
    return enterprise_of(vendor1)


@pytest.fixture
def outbox():
    mail.outbox.clear()
    return mail.outbox
