"""The console's tables that an official may take away as CSV or XLSX, by name.

Each is built from the same :class:`~.figures.ProvinceFigures` the page shows, so the file and
the screen never disagree.
"""

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from marketplace.reports.exports import Column


def _sales_by_commune(figures):
    columns = [Column(_("Commune or ward")), Column(_("Parcels sold"), "int"), Column(_("Sales"), "money")]
    return columns, [(str(row.label), row.count, row.value) for row in figures.sales_by_commune]


def _sales_by_sector(figures):
    columns = [Column(_("OCOP sector")), Column(_("Products sold"), "int"), Column(_("Sales"), "money")]
    return columns, [(str(row.label), row.count, row.value) for row in figures.sold_by_sector]


def _sales_by_month(figures):
    columns = [
        Column(_("Month")),
        Column(_("Card"), "money"),
        Column(_("Cash on delivery"), "money"),
        Column(_("Total"), "money"),
    ]
    rows = [
        (date_format(month.month, "YEAR_MONTH_FORMAT"), month.card, month.cod, month.total)
        for month in figures.sales_by_month
    ]
    return columns, rows


def _enterprises_by_commune(figures):
    columns = [Column(_("Commune or ward")), Column(_("Member enterprises"), "int")]
    return columns, [(str(row.label), row.count) for row in figures.enterprises_by_commune]


TABLES = {
    "sales-by-commune": (_("Sales by commune"), _sales_by_commune),
    "sales-by-sector": (_("Sales by OCOP sector"), _sales_by_sector),
    "sales-by-month": (_("Sales by month"), _sales_by_month),
    "enterprises-by-commune": (_("Member enterprises by commune"), _enterprises_by_commune),
}


def table(name, figures):
    """``(title, columns, rows)`` of the named table, or None for a name the console does not know."""
    if name not in TABLES:
        return None
    title, build = TABLES[name]
    columns, rows = build(figures)
    return title, columns, rows
