"""The VAT invoice request on the order preview, and each parcel's issued invoice on the shopper's order."""

from django import template
from oscar.core.loading import get_model

from marketplace.invoicing import requests as invoice_requests
from marketplace.invoicing.invoice_data import one_to_one

register = template.Library()
IssuedInvoice = get_model("invoicing", "IssuedInvoice")


@register.simple_tag(takes_context=True)
def requested_invoice(context):
    """The buyer's VAT invoice details waiting in this checkout, or None."""
    request = context.get("request")
    return invoice_requests.remembered(request.session) if request is not None else None


@register.simple_tag
def order_invoices(order, parcels):
    """The order's VAT invoice request (or None); each parcel gets ``issued`` (its invoice or None).

    One query for all the parcels' invoices, whatever their number.
    """
    issued = {invoice.parcel_id: invoice for invoice in IssuedInvoice.objects.filter(parcel__in=parcels)}
    for parcel in parcels:
        parcel.issued = issued.get(parcel.pk)
    return one_to_one(order, "invoice_request")
