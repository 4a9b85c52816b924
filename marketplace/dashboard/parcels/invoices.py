"""The parcel page's e-invoice panel: what there is to download and the form recording the issued invoice."""

from marketplace.invoicing import exports
from marketplace.invoicing.forms import IssuedInvoiceForm
from marketplace.invoicing.invoice_data import form_of, one_to_one


def invoice_panel(parcel, form=None):
    issued = exports.issued_of(parcel)
    if form is None:
        initial = {} if issued else {"template": form_of(parcel.enterprise)}
        form = IssuedInvoiceForm(instance=issued, initial=initial)
    return {
        "invoiceable": exports.is_invoiced(parcel),
        "issued_invoice": issued,
        "invoice_request": one_to_one(parcel.order, "invoice_request"),
        "invoice_form": form,
    }
