"""Invoice data as the Tax Department's e-invoice XML (Decision 1450/QĐ-TCT, amended by 1510/QĐ-TCT).

One ``HDon`` per parcel, without the signature part (``DSCKS``): the enterprise's provider signs
and numbers it. A month's file holds its parcels' invoices under one ``DSHDon`` root, one file
the provider imports at once. ``schema/hdon.xsd`` describes exactly what is written here.
"""

from decimal import Decimal
from xml.etree import ElementTree as ET

from . import vat

VERSION = "2.1.0"  # PBan: the structure's version these files follow


def parcel_xml(invoice, issued=None):
    """The invoice as bytes of XML, ``HDon`` at the root."""
    return _bytes(hdon(invoice, issued))


def month_xml(invoices):
    """Several ``(invoice, issued)`` pairs as one XML file, ``DSHDon`` at the root."""
    root = ET.Element("DSHDon")
    for invoice, issued in invoices:
        root.append(hdon(invoice, issued))
    return _bytes(root)


def hdon(invoice, issued=None):
    root = ET.Element("HDon")
    data = ET.SubElement(root, "DLHDon", Id=f"DLHDon-{invoice.parcel_number}")
    _general(ET.SubElement(data, "TTChung"), invoice, issued)
    content = ET.SubElement(data, "NDHDon")
    _party(ET.SubElement(content, "NBan"), invoice.seller)
    _party(ET.SubElement(content, "NMua"), invoice.buyer)
    lines = ET.SubElement(content, "DSHHDVu")
    for line in invoice.lines:
        _line(ET.SubElement(lines, "HHDVu"), line)
    _totals(ET.SubElement(content, "TToan"), invoice)
    return root


def _general(element, invoice, issued):
    _text(element, "PBan", VERSION)
    _text(element, "THDon", invoice.form_name)
    _text(element, "KHMSHDon", invoice.form)
    if issued is not None:  # before it is issued, the provider gives the series and the number
        _text(element, "KHHDon", issued.series)
        _text(element, "SHDon", str(issued.number))
    _text(element, "NLap", invoice.date.isoformat())
    _text(element, "DVTTe", invoice.currency)
    _text(element, "TGia", "1")
    _text(element, "HTTToan", invoice.payment_way)
    other = ET.SubElement(element, "TTKhac")
    _other(other, "SoKien", invoice.parcel_number)
    _other(other, "SoDonHang", invoice.order_number)


def _party(element, party):
    _text(element, "Ten", party.name)
    if party.tax_code:
        _text(element, "MST", party.tax_code)
    _text(element, "DChi", party.address)
    if party.email:
        _text(element, "DCTDTu", party.email)


def _line(element, line):
    _text(element, "TChat", "1")  # goods or service (2 promotion, 3 discount, 4 note: none here)
    _text(element, "STT", str(line.position))
    _text(element, "THHDVu", line.name)
    _text(element, "DVTinh", line.unit)
    _text(element, "SLuong", plain_number(line.quantity))
    _text(element, "DGia", plain_number(line.unit_price))
    _text(element, "ThTien", plain_number(line.amount))
    if line.vat_rate is not None:
        _text(element, "TSuat", vat.label(line.vat_rate))
        _text(element, "TThue", plain_number(line.vat_amount))


def _totals(element, invoice):
    if invoice.shows_vat:
        rates = ET.SubElement(element, "THTTLTSuat")
        for total in invoice.rate_totals:
            rate = ET.SubElement(rates, "LTSuat")
            _text(rate, "TSuat", vat.label(total.rate))
            _text(rate, "ThTien", plain_number(total.amount))
            _text(rate, "TThue", plain_number(total.vat_amount))
        _text(element, "TgTCThue", plain_number(invoice.total_before_tax))
        _text(element, "TgTThue", plain_number(invoice.total_vat))
    _text(element, "TgTTTBSo", plain_number(invoice.total))
    _text(element, "TgTTTBChu", invoice.total_in_words)


def _other(element, field, value):
    info = ET.SubElement(element, "TTin")
    _text(info, "TTruong", field)
    _text(info, "KDLieu", "string")
    _text(info, "DLieu", value)


def _text(parent, tag, value):
    ET.SubElement(parent, tag).text = value


def plain_number(value):
    """A plain decimal as files write amounts: ``125000``, ``12.5``; never an exponent."""
    return format(Decimal(value).normalize(), "f")


def _bytes(root):
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
