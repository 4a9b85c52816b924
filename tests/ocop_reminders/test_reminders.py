"""The scheduler reminds enterprises 90, 30 and 7 days before their OCOP recognition lapses and on
the day it does, and sends the Department a weekly digest: each exactly once, whatever the reruns."""

from datetime import timedelta

import pytest
from dateutil.relativedelta import relativedelta

from catalogue.expiry import verified_with_expiry
from catalogue.models import CertificateDigest, CertificateReminder
from marketplace.celery import app
from marketplace.dashboard.ocop.tasks import send_expiry_reminders
from marketplace.jobs.models import ScheduledRun
from marketplace.jobs.schedule import DAILY
from tests.ocop_reminders.certificates import OcopCertificate, Status, lapsing

pytestmark = pytest.mark.django_db

ENTERPRISE = "vendor1@demo.vn"
DEPARTMENT = "reviewer@demo.vn"


@pytest.fixture(autouse=True)
def _only_new_certificates(only_new_certificates):
    pass


def to_enterprise(outbox):
    return [message for message in outbox if ENTERPRISE in message.to]


def to_department(outbox):
    return [message for message in outbox if DEPARTMENT in message.to]


def thresholds(certificate):
    return sorted(certificate.reminders.values_list("days_before", flat=True), reverse=True)


def run(times=1):
    for _ in range(times):
        send_expiry_reminders()


def test_each_reminder_goes_out_once_across_repeated_runs_and_days(clock, enterprise, outbox):
    start = clock.today
    certificate = lapsing(enterprise, start, 95)
    sent_on = {}
    for day in range(106):  # from 95 days left to 10 days after it lapsed, three runs a day
        clock.go_to(start + timedelta(days=day))
        before = len(to_enterprise(outbox))
        run(times=3)
        if len(to_enterprise(outbox)) > before:
            sent_on[95 - day] = len(to_enterprise(outbox)) - before
    assert sent_on == {90: 1, 30: 1, 7: 1, 0: 1}
    assert thresholds(certificate) == [90, 30, 7, 0]


def test_the_mail_names_the_decision_its_lapse_date_and_where_to_record_the_next(clock, enterprise, outbox):
    certificate = lapsing(enterprise, clock.today, 30, number="3981/QĐ-UBND")
    run()
    (message,) = to_enterprise(outbox)
    date = certificate.expires_on.strftime("%d/%m/%Y")
    assert "3981/QĐ-UBND" in message.subject and date in message.subject
    assert "30" in message.body and enterprise.name in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "3981/QĐ-UBND" in html
    assert "/dashboard/ocop/certificates/" in message.body


def test_a_missed_run_sends_the_threshold_reached_and_never_an_older_one_after(clock, enterprise, outbox):
    start = clock.today
    certificate = lapsing(enterprise, start, 28)  # the job never ran while 90 and 30 days were reached
    run()
    assert thresholds(certificate) == [30]
    clock.go_to(start + timedelta(days=24))  # 4 days left: the 7-day reminder, late
    run(times=2)
    assert thresholds(certificate) == [30, 7]
    assert len(to_enterprise(outbox)) == 2


def test_a_stated_end_date_is_reminded_like_the_36_month_rule(clock, enterprise, outbox):
    certificate = lapsing(enterprise, clock.today, 7, stated=True)
    run(times=2)
    assert thresholds(certificate) == [7]
    assert len(to_enterprise(outbox)) == 1


def test_on_the_day_it_lapses_the_enterprise_is_told_its_stars_must_go(clock, enterprise, outbox):
    certificate = lapsing(enterprise, clock.today, 0)
    run()
    (message,) = to_enterprise(outbox)
    assert certificate.decision_number in message.subject
    assert thresholds(certificate) == [0]


def test_a_lapse_missed_for_days_is_still_told_but_not_one_long_past(clock, enterprise, outbox):
    recent = lapsing(enterprise, clock.today, -3)
    old = lapsing(enterprise, clock.today, -40)
    run()
    assert thresholds(recent) == [0]
    assert thresholds(old) == []
    assert len(to_enterprise(outbox)) == 1


def test_far_from_expiry_nothing_is_sent(clock, enterprise, outbox):
    certificate = lapsing(enterprise, clock.today, 91)
    run()
    assert thresholds(certificate) == [] and to_enterprise(outbox) == []


@pytest.mark.parametrize("status", [Status.PENDING, Status.REJECTED, Status.REVOKED, Status.SUPERSEDED])
def test_certificates_not_in_force_by_the_departments_decision_get_no_reminder(
    clock, enterprise, outbox, status
):
    certificate = lapsing(enterprise, clock.today, 7, status=status)
    lapsing(enterprise, clock.today, 2, status=status, number="2/QĐ-UBND")
    run()
    assert outbox == []
    assert not CertificateReminder.objects.filter(certificate__enterprise=enterprise).exists()
    assert thresholds(certificate) == []


def test_the_department_gets_one_digest_a_week_of_what_lapses_soon_and_what_lapsed(clock, enterprise, outbox):
    monday = clock.today - timedelta(days=clock.today.weekday())
    clock.go_to(monday)
    soon = lapsing(enterprise, monday, 20, number="20/QĐ-UBND")
    lapsed = lapsing(enterprise, monday, -2, number="-2/QĐ-UBND")
    later = lapsing(enterprise, monday, 45, number="45/QĐ-UBND")
    run(times=3)
    (digest,) = to_department(outbox)
    assert soon.decision_number in digest.body and lapsed.decision_number in digest.body
    assert later.decision_number not in digest.body
    assert "/dashboard/ocop/expiry/" in digest.body and digest.alternatives[0][1] == "text/html"
    for day in range(1, 14):  # the rest of this week and the whole next one, once a day
        clock.go_to(monday + timedelta(days=day))
        run()
    assert len(to_department(outbox)) == 2
    assert list(CertificateDigest.objects.values_list("week", flat=True).order_by("week")) == [
        monday,
        monday + timedelta(days=7),
    ]


def test_a_digest_missed_on_monday_goes_out_on_the_next_run_that_week(clock, enterprise, outbox):
    monday = clock.today - timedelta(days=clock.today.weekday())
    clock.go_to(monday + timedelta(days=2))
    lapsing(enterprise, clock.today, 10)
    run(times=2)
    assert len(to_department(outbox)) == 1


def test_the_reminders_run_daily_and_record_their_run(clock, enterprise):
    app.loader.import_default_modules()
    task, _at = DAILY["expiry-reminders"]
    assert task == "ocop.send_expiry_reminders" and task in app.tasks
    run()
    assert ScheduledRun.objects.filter(name="expiry-reminders").exists()


@pytest.mark.parametrize(
    "decided, valid_until",
    [
        ("2024-02-29", None),  # a leap day: 36 months later is 28 February
        ("2023-01-31", None),
        ("2023-08-31", None),
        ("2023-12-31", None),
        ("2024-03-01", None),
        ("2024-02-29", "2025-06-15"),  # what the decision states wins
    ],
)
def test_the_database_computes_the_expiry_as_the_model_does(enterprise, decided, valid_until):
    certificate = OcopCertificate.objects.create(
        enterprise=enterprise,
        decision_number="1/QĐ-UBND",
        decision_date=decided,
        valid_until=valid_until,
        issuer="UBND tỉnh Quảng Trị",
        stars=3,
        status=Status.VERIFIED,
    )
    certificate.refresh_from_db()
    assert verified_with_expiry().get(pk=certificate.pk).expiry == certificate.expires_on
    if valid_until is None:
        assert certificate.expires_on == certificate.decision_date + relativedelta(months=36)
