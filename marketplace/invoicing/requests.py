"""The buyer's VAT invoice request: kept in the session during checkout, saved with the order.

It lives under its own session key, not in Oscar's checkout data, so the checkout views need
not know about it: the preview shows it, placing the order saves and forgets it.
"""

from .models import InvoiceRequest

SESSION_KEY = "invoice_request"
FIELDS = ("buyer_name", "tax_code", "address", "email")


def remember(session, cleaned_data):
    session[SESSION_KEY] = {name: cleaned_data[name] for name in FIELDS}


def remembered(session):
    """The request as a dict, or None when the buyer asked for no VAT invoice."""
    data = session.get(SESSION_KEY)
    return dict(data) if isinstance(data, dict) and all(data.get(name) for name in FIELDS) else None


def forget(session):
    session.pop(SESSION_KEY, None)


def save_with_order(order, session):
    """Placing the order: its request (if any) is stored with it, once, and leaves the session."""
    data = remembered(session)
    forget(session)
    if data is None:
        return None
    request, _created = InvoiceRequest.objects.update_or_create(order=order, defaults=data)
    return request
