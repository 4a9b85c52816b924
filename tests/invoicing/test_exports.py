"""The files an e-invoice provider imports: XML valid against the app's schema, CSV, per parcel and month."""

import csv
import io
from decimal import Decimal
from pathlib import Path

from django.utils import timezone
from lxml import etree

import marketplace.invoicing
from marketplace.invoicing import exports
from marketplace.invoicing.invoice_data import invoice_for
from marketplace.invoicing.models import IssuedInvoice
from marketplace.invoicing.words import amount_in_words
from marketplace.order.models import Parcel
from tests.factories import parcel_of, place_order

SCHEMA = etree.XMLSchema(
    etree.parse(str(Path(marketplace.invoicing.__file__).parent / "schema" / "hdon.xsd"))
)


def valid(content):
    document = etree.fromstring(content)
    SCHEMA.assertValid(document)
    return document


def amount(element, path):
    return Decimal(element.findtext(path))


def test_a_company_parcel_xml_validates_and_its_totals_are_the_parcel_totals(company_parcel):
    name, content_type, content = exports.parcel_file(company_parcel, "xml")

    root = valid(content)
    assert name == f"hoadon-{company_parcel.number}.xml" and content_type == "application/xml"
    assert root.tag == "HDon"
    assert root.findtext("DLHDon/TTChung/KHMSHDon") == "1"
    assert root.findtext("DLHDon/TTChung/DVTTe") == "VND"
    assert root.findtext("DLHDon/NDHDon/NBan/MST") == "0312687878"
    totals = root.find("DLHDon/NDHDon/TToan")
    assert amount(totals, "TgTTTBSo") == company_parcel.total
    assert amount(totals, "TgTCThue") + amount(totals, "TgTThue") == company_parcel.total
    assert totals.findtext("TgTTTBChu") == amount_in_words(company_parcel.total)
    rates = {rate.findtext("TSuat"): rate for rate in totals.findall("THTTLTSuat/LTSuat")}
    assert set(rates) == {"5%", "10%", "8%"}
    assert sum(amount(rate, "ThTien") for rate in rates.values()) == amount(totals, "TgTCThue")
    lines = root.findall("DLHDon/NDHDon/DSHHDVu/HHDVu")
    assert sum(amount(line, "ThTien") + amount(line, "TThue") for line in lines) == company_parcel.total
    for line in lines:
        assert amount(line, "SLuong") * amount(line, "DGia") == amount(line, "ThTien")


def test_a_household_parcel_xml_is_a_sales_invoice_without_vat_and_validates(household_parcel):
    root = valid(exports.parcel_file(household_parcel, "xml")[2])

    assert root.findtext("DLHDon/TTChung/KHMSHDon") == "2"
    assert root.find("DLHDon/NDHDon/TToan/THTTLTSuat") is None
    assert root.find("DLHDon/NDHDon/DSHHDVu/HHDVu/TSuat") is None
    assert amount(root, "DLHDon/NDHDon/TToan/TgTTTBSo") == household_parcel.total


def test_a_recorded_invoice_gives_its_series_and_number(company_parcel):
    IssuedInvoice.objects.create(
        parcel=company_parcel, template="1", series="C26TAA", number=123, issued_on=timezone.localdate()
    )
    root = valid(exports.parcel_file(Parcel.objects.get(pk=company_parcel.pk), "xml")[2])

    assert root.findtext("DLHDon/TTChung/KHHDon") == "C26TAA"
    assert root.findtext("DLHDon/TTChung/SHDon") == "123"


def test_the_schema_refuses_a_broken_file(company_parcel):
    root = valid(exports.parcel_file(company_parcel, "xml")[2])
    totals = root.find("DLHDon/NDHDon/TToan")
    totals.remove(totals.find("TgTTTBSo"))

    assert not SCHEMA.validate(root)


def test_the_month_file_holds_the_months_going_parcels_and_sums_to_them(
    company_parcel, household_parcel, shopper, company_products
):
    cancelled = parcel_of(
        place_order(shopper, {company_products[0]: 1}), company_parcel.enterprise.users.first()
    )
    Parcel.objects.filter(pk=cancelled.pk).update(status=Parcel.Status.CANCELLED)
    today = timezone.localdate()
    everyone = Parcel.objects.all()
    expected = list(exports.month_parcels(everyone, today.year, today.month))

    name, _type, content = exports.month_file(everyone, today.year, today.month, "xml")

    root = valid(content)
    assert name == f"hoadon-{today.year}-{today.month:02d}.xml" and root.tag == "DSHDon"
    assert {company_parcel, household_parcel} <= set(expected) and cancelled not in expected
    invoices = root.findall("HDon")
    assert len(invoices) == len(expected)
    assert sum(amount(invoice, "DLHDon/NDHDon/TToan/TgTTTBSo") for invoice in invoices) == sum(
        parcel.total for parcel in expected
    )
    mine = exports.month_parcels(
        Parcel.objects.filter(enterprise=company_parcel.enterprise), today.year, today.month
    )
    assert household_parcel not in list(mine)


def test_the_csv_reads_back_one_row_per_line_with_plain_numbers(company_parcel, household_parcel):
    name, content_type, content = exports.parcel_file(company_parcel, "csv")
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))

    assert name.endswith(".csv") and content_type.startswith("text/csv")
    invoice = invoice_for(company_parcel)
    assert len(rows) == len(invoice.lines)
    assert {row["Số kiện"] for row in rows} == {company_parcel.number}
    paid = sum(Decimal(row["Thành tiền"]) + Decimal(row["Tiền thuế"]) for row in rows)
    assert paid == company_parcel.total == Decimal(rows[0]["Tổng tiền thanh toán"])
    assert {row["Thuế suất"] for row in rows} == {"5%", "10%", "8%"}

    household_rows = list(
        csv.DictReader(io.StringIO(exports.parcel_file(household_parcel, "csv")[2].decode("utf-8-sig")))
    )
    assert sum(Decimal(row["Thành tiền"]) for row in household_rows) == household_parcel.total
    assert {row["Thuế suất"] for row in household_rows} == {""}
