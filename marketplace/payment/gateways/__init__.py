"""Payment gateways behind one interface; checkout only knows :class:`PaymentGateway`.

Register a gateway in ``settings.MARKETPLACE_PAYMENT_GATEWAYS`` (code -> dotted path);
adding one (e.g. bank transfer by VietQR) never touches checkout.
"""

from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

from .base import PaymentGateway, PaymentOutcome


@cache
def gateways() -> dict[str, PaymentGateway]:
    return {code: import_string(path)() for code, path in settings.MARKETPLACE_PAYMENT_GATEWAYS.items()}


def available_gateways() -> dict[str, PaymentGateway]:
    """The registered gateways that can take a payment now: the only ones checkout offers."""
    return {code: gateway for code, gateway in gateways().items() if gateway.is_available()}


def unavailable_gateways() -> dict[str, PaymentGateway]:
    """The registered gateways that cannot take a payment now (the shopper is told why)."""
    return {code: gateway for code, gateway in gateways().items() if not gateway.is_available()}


def get_gateway(code) -> PaymentGateway:
    return gateways()[code]


__all__ = [
    "PaymentGateway",
    "PaymentOutcome",
    "available_gateways",
    "gateways",
    "get_gateway",
    "unavailable_gateways",
]
