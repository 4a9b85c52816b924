"""Invoice data as CSV, one row per invoice line, Vietnamese headers, amounts as plain numbers.

For providers whose import takes a spreadsheet: each row repeats its invoice's seller, buyer and
totals so that rows can be grouped back into invoices by the parcel number.
"""

import csv
import io

from . import vat
from .xml_export import plain_number

HEADERS = [
    "Số kiện",
    "Số đơn hàng",
    "Mẫu số",
    "Tên hóa đơn",
    "Ngày lập",
    "Hình thức thanh toán",
    "Tên người bán",
    "MST người bán",
    "Địa chỉ người bán",
    "Tên người mua",
    "MST người mua",
    "Địa chỉ người mua",
    "Email người mua",
    "STT",
    "Tên hàng hóa, dịch vụ",
    "Đơn vị tính",
    "Số lượng",
    "Đơn giá",
    "Thành tiền",
    "Thuế suất",
    "Tiền thuế",
    "Tổng tiền chưa thuế",
    "Tổng tiền thuế",
    "Tổng tiền thanh toán",
    "Số tiền bằng chữ",
]


def invoices_csv(invoices):
    """The invoices' lines as CSV text (UTF-8 with a BOM when encoded: spreadsheets read it right)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    for invoice in invoices:
        for line in invoice.lines:
            writer.writerow(_row(invoice, line))
    return out.getvalue()


def _row(invoice, line):
    return [
        invoice.parcel_number,
        invoice.order_number,
        invoice.form,
        invoice.form_name,
        invoice.date.isoformat(),
        invoice.payment_way,
        invoice.seller.name,
        invoice.seller.tax_code,
        invoice.seller.address,
        invoice.buyer.name,
        invoice.buyer.tax_code,
        invoice.buyer.address,
        invoice.buyer.email,
        line.position,
        line.name,
        line.unit,
        line.quantity,
        plain_number(line.unit_price),
        plain_number(line.amount),
        vat.label(line.vat_rate) if line.vat_rate is not None else "",
        plain_number(line.vat_amount) if invoice.shows_vat else "",
        plain_number(invoice.total_before_tax) if invoice.shows_vat else "",
        plain_number(invoice.total_vat) if invoice.shows_vat else "",
        plain_number(invoice.total),
        invoice.total_in_words,
    ]
