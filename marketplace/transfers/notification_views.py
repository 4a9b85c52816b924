"""The door the bank's notifications come in by."""

import logging

from django.http import JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from . import bank_notices, receiving
from .models import IncomingTransfer

logger = logging.getLogger(__name__)


@method_decorator(csrf_exempt, name="dispatch")
class BankNotificationView(View):
    """A credit on the account, accepted only signed with ``BANK_TRANSFER["NOTIFICATION_SECRET"]``.

    A credit written down (paid or flagged for the operator) or already known is answered 200,
    so the bank stops sending it; only an unsigned or unreadable body is refused (400).
    """

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        if not bank_notices.secret():
            logger.error("A bank notification arrived but BANK_TRANSFER['NOTIFICATION_SECRET'] is not set")
            return JsonResponse(
                {"error": "Notifications are not accepted: no secret is configured."}, status=400
            )
        if not bank_notices.is_signed(request.body, request.headers.get("X-Signature", "")):
            logger.warning("Rejected a bank notification with a missing or wrong signature")
            return JsonResponse({"error": "The signature is missing or wrong."}, status=400)
        try:
            credit = bank_notices.parse(request.body)
        except bank_notices.BadNotification as error:
            logger.warning("Rejected a signed bank notification: %s", error)
            return JsonResponse({"error": str(error)}, status=400)
        transfer, created = receiving.receive(credit, IncomingTransfer.Channel.NOTIFICATION)
        if not created:
            return JsonResponse({"status": "known", "transaction_id": transfer.transaction_id})
        return JsonResponse(
            {"status": transfer.state, "problem": transfer.problem, "transaction_id": transfer.transaction_id}
        )
