"""The files an enterprise downloads: one parcel's invoice, or a month's, as XML or CSV.

A month's invoices are its parcels created that month (local time) that went ahead: confirmed,
packed, shipped or delivered. Parcels awaiting payment, cancelled or refunded get no invoice.
"""

from oscar.core.loading import get_model

from .csv_export import invoices_csv
from .invoice_data import invoice_for, one_to_one
from .xml_export import month_xml, parcel_xml

Parcel = get_model("order", "Parcel")

INVOICED = [
    Parcel.Status.CONFIRMED,
    Parcel.Status.PACKED,
    Parcel.Status.SHIPPED,
    Parcel.Status.DELIVERED,
]


def is_invoiced(parcel):
    return parcel.status in INVOICED


def month_parcels(parcels, year, month):
    """Of ``parcels`` (already limited to what the reader may see), those invoiced in that month."""
    return (
        parcels.filter(status__in=INVOICED, date_created__year=year, date_created__month=month)
        .select_related("enterprise__province", "enterprise__commune", "order__shipping_address")
        .order_by("enterprise_id", "date_created", "pk")
    )


def issued_of(parcel):
    return one_to_one(parcel, "issued_invoice")


def parcel_file(parcel, kind):
    """(file name, content type, content) of one parcel's invoice data; ``kind`` is xml or csv."""
    invoice = invoice_for(parcel)
    if kind == "xml":
        return f"hoadon-{parcel.number}.xml", "application/xml", parcel_xml(invoice, issued_of(parcel))
    return f"hoadon-{parcel.number}.csv", "text/csv; charset=utf-8", _with_bom(invoices_csv([invoice]))


def month_file(parcels, year, month, kind):
    """(file name, content type, content) of the month's invoice data, every parcel in one file."""
    chosen = list(month_parcels(parcels, year, month))
    name = f"hoadon-{year}-{month:02d}"
    if kind == "xml":
        pairs = [(invoice_for(parcel), issued_of(parcel)) for parcel in chosen]
        return f"{name}.xml", "application/xml", month_xml(pairs)
    invoices = [invoice_for(parcel) for parcel in chosen]
    return f"{name}.csv", "text/csv; charset=utf-8", _with_bom(invoices_csv(invoices))


def _with_bom(text):
    return ("\ufeff" + text).encode("utf-8")
