"""What a browser and Stripe would send: card tokens made on localstripe, signed webhook events."""

import hashlib
import hmac
import json
import time
import uuid

import requests
from django.conf import settings

VISA = "4242424242424242"
DECLINED = "4000000000000341"  # attaches to a customer, every charge is declined
THREE_D_SECURE = "4000002500003155"


def card_token(number=VISA):
    """Stripe.js's createToken, as localstripe's stand-in does it."""
    response = requests.post(
        f"{settings.STRIPE_API_BASE}/v1/tokens",
        data={
            "card[number]": number,
            "card[exp_month]": "12",
            "card[exp_year]": "2030",
            "card[cvc]": "123",
            "key": settings.STRIPE_PUBLISHABLE_KEY,
        },
        timeout=5,
    )
    response.raise_for_status()
    return response.json()["id"]


def authenticate(client_secret, success=True):
    """The shopper's answer to 3-D Secure, as localstripe's confirmCardPayment sends it."""
    intent_id = client_secret.split("_secret_")[0]
    response = requests.post(
        f"{settings.STRIPE_API_BASE}/v1/payment_intents/{intent_id}/_authenticate",
        params={"success": "true" if success else "false"},
        json={"key": settings.STRIPE_PUBLISHABLE_KEY, "client_secret": client_secret},
        timeout=5,
    )
    response.raise_for_status()


def as_payload(stripe_object):
    """A Stripe object as it travels in an event's JSON."""
    return json.loads(str(stripe_object))


def charge_of(intent_id):
    """The id of the PaymentIntent's charge (localstripe expands it, Stripe gives the id)."""
    from marketplace.payment import stripe_api

    charge = stripe_api.client().v1.payment_intents.retrieve(intent_id).latest_charge
    return charge if isinstance(charge, str) else charge.id


def charged_intent(order, number=VISA):
    """A PaymentIntent charged on Stripe for the order, as if the browser's answer got lost."""
    from marketplace.payment import stripe_api

    client = stripe_api.client()
    customer = client.v1.customers.create(params={"source": card_token(number)})
    params = {
        "amount": int(order.total_incl_tax),
        "currency": "vnd",
        "customer": customer.id,
        "payment_method": customer.default_source,
        "confirm": True,
        "metadata": {"order_number": order.number},
    }
    return as_payload(client.v1.payment_intents.create(params=params))


def refund_at_stripe(intent_id, amount=None):
    """A refund made in Stripe's own dashboard, which the marketplace hears of only by webhook."""
    from marketplace.payment import stripe_api

    params = {"payment_intent": intent_id} | ({"amount": int(amount)} if amount is not None else {})
    return stripe_api.client().v1.refunds.create(params=params)


def charge_refunded(intent_id, event_id=None):
    """The ``charge.refunded`` event of the PaymentIntent's charge."""
    charge = {"id": charge_of(intent_id), "object": "charge", "payment_intent": intent_id}
    return event("charge.refunded", charge, event_id=event_id)


def event(type, obj, event_id=None):
    return {
        "id": event_id or f"evt_{uuid.uuid4().hex[:24]}",
        "object": "event",
        "type": type,
        "created": int(time.time()),
        "livemode": False,
        "data": {"object": obj},
    }


def signed(payload, secret=None, timestamp=None):
    """The body and Stripe-Signature header Stripe would send for ``payload``."""
    body = json.dumps(payload)
    timestamp = timestamp or int(time.time())
    secret = settings.STRIPE_WEBHOOK_SECRET if secret is None else secret
    signature = hmac.new(secret.encode(), f"{timestamp}.{body}".encode(), hashlib.sha256).hexdigest()
    return body, f"t={timestamp},v1={signature}"


def deliver(client, payload, **signing):
    body, header = signed(payload, **signing)
    return client.post(
        "/checkout/stripe/webhook/", data=body, content_type="application/json", HTTP_STRIPE_SIGNATURE=header
    )
