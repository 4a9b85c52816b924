"""E-mail sent by a worker: the request that sends a message never waits for the mail server.

``BackgroundEmailBackend`` is the project's ``EMAIL_BACKEND``, so every message
(Oscar's, Django's password resets, the project's own, error reports to
``ADMINS``) is handed to the ``jobs.send_email`` task after commit. The task
delivers it with ``EMAIL_DELIVERY_BACKEND`` (SMTP in production) and is retried
while the mail server is down.
"""

import base64
from email.mime.base import MIMEBase

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend


class BackgroundEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        from .outbox import enqueue
        from .tasks import send_email

        for message in email_messages:
            enqueue(send_email, as_data(message))
        return len(email_messages)


def deliver(data):
    """Send one message, as serialised by ``as_data``, with the configured delivery backend."""
    with get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=False) as connection:
        return connection.send_messages([from_data(data)])


def as_data(message):
    """A message as JSON-friendly data: a task's arguments travel through the broker as JSON."""
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {str(k): str(v) for k, v in (message.extra_headers or {}).items()},
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": [_attachment_data(attachment) for attachment in message.attachments],
    }


def from_data(data):
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        alternatives=[tuple(alternative) for alternative in data["alternatives"]],
    )
    for filename, content, mimetype in data["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


def _attachment_data(attachment):
    if isinstance(attachment, MIMEBase):
        return [
            attachment.get_filename(),
            base64.b64encode(attachment.get_payload(decode=True)).decode(),
            attachment.get_content_type(),
        ]
    filename, content, mimetype = attachment
    raw = content.encode() if isinstance(content, str) else bytes(content)
    return [filename, base64.b64encode(raw).decode(), mimetype]
