"""Every e-mail leaves through a background task: the request never waits for the mail server."""

import socket
import threading
import time

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail

from marketplace.jobs import mail as background
from marketplace.jobs.models import OutboxTask
from tests.vendors.test_review_queue import decide

pytestmark = pytest.mark.django_db


@pytest.fixture
def background_mail(settings):
    """The project's own e-mail backend (tests otherwise replace it with Django's locmem one)."""
    settings.EMAIL_BACKEND = "marketplace.jobs.mail.BackgroundEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def silent_smtp_server():
    """An SMTP server that accepts connections and never says a word."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    accepted = []
    threading.Thread(target=lambda: accepted.append(listener.accept()), daemon=True).start()
    yield listener.getsockname()[1]
    listener.close()
    for connection, _address in accepted:
        connection.close()


def test_a_message_survives_the_trip_through_the_broker_whole(background_mail, committing):
    message = EmailMultiAlternatives(
        "Đơn hàng #100023",
        "Cảm ơn bạn",
        "Chợ OCOP <no-reply@cho-ocop.vn>",
        ["khach@example.vn"],
        cc=["ke-toan@example.vn"],
        reply_to=["hotro@cho-ocop.vn"],
        headers={"X-Order": "100023"},
    )
    message.attach_alternative("<p>Cảm ơn bạn</p>", "text/html")
    message.attach("hoa-don.txt", "Tổng: 125.000 ₫", "text/plain")
    with committing():
        message.send()
    (sent,) = mail.outbox
    assert (sent.subject, sent.body, sent.to, sent.cc, sent.reply_to) == (
        "Đơn hàng #100023",
        "Cảm ơn bạn",
        ["khach@example.vn"],
        ["ke-toan@example.vn"],
        ["hotro@cho-ocop.vn"],
    )
    assert sent.extra_headers["X-Order"] == "100023"
    assert sent.alternatives[0][0] == "<p>Cảm ơn bạn</p>"
    assert sent.attachments[0][:2] == ("hoa-don.txt", "Tổng: 125.000 ₫")


def test_mail_goes_only_once_the_transaction_commits(background_mail, committing):
    with committing():
        send_mail("Quyết định", "Đã duyệt", None, ["dn@example.vn"])
        assert not mail.outbox
    assert len(mail.outbox) == 1


def test_a_mail_server_that_never_answers_costs_the_worker_email_timeout_not_forever(
    settings, silent_smtp_server
):
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", silent_smtp_server, 1
    started = time.monotonic()
    with pytest.raises((TimeoutError, OSError)):
        background.deliver(background.as_data(EmailMultiAlternatives("s", "b", "a@b.vn", ["c@d.vn"])))
    assert time.monotonic() - started < 5


def test_email_timeout_is_set():
    from django.conf import settings

    assert 0 < settings.EMAIL_TIMEOUT <= 30


def test_a_suspension_answers_at_once_with_mail_server_and_broker_down(
    background_mail, broker_down, client, reviewer, vendor1, silent_smtp_server, settings, committing
):
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", silent_smtp_server
    client.force_login(reviewer)
    enterprise = vendor1.partners.get()  # 7 products to take off sale
    started = time.monotonic()
    with committing():
        response = decide(client, enterprise, "suspended", reason="Sản phẩm bị phản ánh về chất lượng.")
    assert response.status_code == 302
    assert time.monotonic() - started < 1
    kept = set(OutboxTask.objects.values_list("name", "state"))
    assert ("jobs.send_email", "waiting") in kept  # the decision's e-mail, sent when the broker is back
    assert ("search.update_records", "waiting") in kept  # its products' search records too
