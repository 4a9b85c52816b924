"""The card page of an order, and the door Stripe's webhooks come in by."""

import json
import logging

import stripe
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import TemplateView

from marketplace.security.csp import allows_stripe

from . import card_payment, webhooks
from .cash_instead import pay_on_delivery_instead
from .gateways import get_gateway
from .payer import PayerOrderMixin

logger = logging.getLogger(__name__)


class OrderPaymentMixin(PayerOrderMixin):
    """The card order named in the URL, for its own shopper (:mod:`.payer`); anyone else gets a 404."""

    def result_response(self, result):
        """The card page's JavaScript reads this: what happened and where to go next."""
        body = {"status": result.status, "message": result.message}
        if result.status == card_payment.SUCCEEDED:
            body["redirect"] = self.thank_you()
        elif result.status == card_payment.REQUIRES_ACTION:
            body["client_secret"] = result.client_secret
        elif result.status == card_payment.CLOSED:
            body["redirect"] = reverse("basket:summary")
        return JsonResponse(body)


@method_decorator(allows_stripe, name="get")  # its Content-Security-Policy lets Stripe.js in
class CardPaymentView(OrderPaymentMixin, TemplateView):
    template_name = "payment/card.html"

    def get(self, request, *args, **kwargs):
        card = get_gateway("card")
        if card_payment.is_payable(self.order) and not card.is_available():
            # Without Stripe's keys the card box would stay empty: the order can be paid on delivery.
            messages.warning(request, card.unavailable_message)
            return HttpResponseRedirect(reverse("checkout:payment-method"))
        if card_payment.is_payable(self.order):
            return super().get(request, *args, **kwargs)
        if card_payment.is_paid(self.order):
            return HttpResponseRedirect(self.thank_you())
        messages.warning(request, _("This order can no longer be paid: it was cancelled."))
        return HttpResponseRedirect(reverse("basket:summary"))

    def post(self, request, *args, **kwargs):
        token = _posted(request).get("token", "")
        if not isinstance(token, str) or not token.startswith("tok_"):
            return JsonResponse(
                {"status": card_payment.DECLINED, "message": _("Please enter your card details.")}
            )
        return self.result_response(card_payment.pay(self.order, token))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            order=self.order,
            parcels=self.order.parcels.select_related("enterprise").order_by("pk"),
            stripe_config={
                "publishableKey": settings.STRIPE_PUBLISHABLE_KEY,
                "confirmUrl": reverse("payment:card-confirm", kwargs={"number": self.order.number}),
            },
            stripe_js_url=settings.STRIPE_JS_URL,
            **kwargs,
        )


class CardConfirmView(OrderPaymentMixin, View):
    """After the bank's 3-D Secure step in the browser: the server reads the payment again."""

    def post(self, request, *args, **kwargs):
        return self.result_response(card_payment.check(self.order))


class AbandonPaymentView(OrderPaymentMixin, View):
    def post(self, request, *args, **kwargs):
        result = card_payment.abandon(self.order, reason=_("The shopper gave up paying by card."))
        if result.status == card_payment.SUCCEEDED:
            return HttpResponseRedirect(self.thank_you())
        if result.status == card_payment.UNAVAILABLE:
            messages.error(request, result.message)
            return HttpResponseRedirect(reverse("payment:card", kwargs={"number": self.order.number}))
        messages.info(request, _("The order was cancelled; your basket is kept."))
        return HttpResponseRedirect(reverse("basket:summary"))


class CashInsteadView(OrderPaymentMixin, View):
    """The card did not pay, or the shopper would rather not: the same order, cash on delivery."""

    def post(self, request, *args, **kwargs):
        result = pay_on_delivery_instead(self.order, by=self.order.user)
        if result.status == card_payment.SUCCEEDED:
            return HttpResponseRedirect(self.thank_you())
        if result.status == card_payment.UNAVAILABLE:
            messages.error(request, result.message)
            return HttpResponseRedirect(reverse("payment:card", kwargs={"number": self.order.number}))
        messages.warning(request, result.message)
        return HttpResponseRedirect(reverse("basket:summary"))


@method_decorator(csrf_exempt, name="dispatch")
class StripeWebhookView(View):
    """Stripe's events, accepted only with a valid signature for ``STRIPE_WEBHOOK_SECRET``."""

    def post(self, request, *args, **kwargs):
        if not settings.STRIPE_WEBHOOK_SECRET:
            logger.error("A Stripe webhook arrived but STRIPE_WEBHOOK_SECRET is not set")
            return HttpResponse(status=400)
        try:
            stripe.WebhookSignature.verify_header(
                request.body,
                request.headers.get("Stripe-Signature", ""),
                settings.STRIPE_WEBHOOK_SECRET,
                stripe.Webhook.DEFAULT_TOLERANCE,
            )
        except (ValueError, stripe.SignatureVerificationError) as error:
            logger.warning("Rejected a Stripe webhook: %s", error)
            return HttpResponse(status=400)
        try:
            webhooks.process(webhooks.parse(request.body))
        except webhooks.MalformedEvent as error:
            logger.warning("Rejected a signed Stripe webhook that is not an event we can read: %s", error)
            return HttpResponse(
                _("This is not a Stripe event the marketplace can read."),
                status=400,
                content_type="text/plain",
            )
        except stripe.StripeError as error:
            logger.warning("A Stripe webhook waits for Stripe, which did not answer: %s", error)
            return HttpResponse(status=503)  # nothing was stored: Stripe delivers it again
        return HttpResponse(status=200)


def _posted(request):
    if request.content_type == "application/json":
        try:
            body = json.loads(request.body)
        except ValueError:
            return {}
        return body if isinstance(body, dict) else {}
    return request.POST
