"""What a parcel's e-invoice shows (Decree 123/2020/NĐ-CP art. 10, Circular 78/2021/TT-BTC), as plain data.

One parcel is one invoice, from its enterprise to the buyer. :func:`invoice_for` builds it;
the XML and CSV exports only write it out. The invoice is written in Vietnamese whatever the
reader's language: it is a tax document.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone

from vendors.models import EnterpriseKind

from . import vat
from .words import amount_in_words

VAT_INVOICE, SALES_INVOICE = "1", "2"
FORM_NAMES = {VAT_INVOICE: "Hóa đơn giá trị gia tăng", SALES_INVOICE: "Hóa đơn bán hàng"}
DEFAULT_UNIT = "cái"
SHIPPING_NAME, SHIPPING_UNIT = "Phí vận chuyển", "lần"
# How the shopper paid, as invoices write it (HTTToan): cash on delivery is cash, anything else a transfer.
PAYMENT_WAYS = {"cod": "TM"}


@dataclass(frozen=True)
class Party:
    name: str
    tax_code: str = ""
    address: str = ""
    email: str = ""


@dataclass(frozen=True)
class InvoiceLine:
    position: int
    name: str
    unit: str
    quantity: int
    unit_price: Decimal
    amount: Decimal  # before tax on a VAT invoice; the price paid on a sales invoice
    vat_rate: str | None  # "KCT", "0", "5", "8", "10"; None on a sales invoice
    vat_amount: Decimal

    @property
    def total(self):
        return self.amount + self.vat_amount


@dataclass(frozen=True)
class RateTotal:
    rate: str
    amount: Decimal
    vat_amount: Decimal


@dataclass
class Invoice:
    form: str
    parcel_number: str
    order_number: str
    date: date
    payment_way: str
    seller: Party
    buyer: Party
    lines: list = field(default_factory=list)
    currency: str = "VND"

    @property
    def form_name(self):
        return FORM_NAMES[self.form]

    @property
    def shows_vat(self):
        return self.form == VAT_INVOICE

    @property
    def rate_totals(self):
        """Amount before tax and VAT per rate, in the order of the rates' first lines."""
        if not self.shows_vat:
            return []
        sums = defaultdict(lambda: [Decimal("0"), Decimal("0")])
        for line in self.lines:
            sums[line.vat_rate][0] += line.amount
            sums[line.vat_rate][1] += line.vat_amount
        return [RateTotal(rate, amount, tax) for rate, (amount, tax) in sums.items()]

    @property
    def total_before_tax(self):
        return sum((line.amount for line in self.lines), Decimal("0"))

    @property
    def total_vat(self):
        return sum((line.vat_amount for line in self.lines), Decimal("0"))

    @property
    def total(self):
        return self.total_before_tax + self.total_vat

    @property
    def total_in_words(self):
        return amount_in_words(self.total)


def form_of(enterprise):
    """1 (VAT invoice) for companies and cooperatives, 2 (sales invoice) for everyone else.

    The marketplace assumes companies and cooperatives declare VAT by the credit method, as
    nearly all do; household businesses, cooperative groups and individuals pay VAT as a
    percentage of revenue and issue sales invoices, which show no VAT rate (Decree 123/2020 art. 8).
    """
    if enterprise.kind in (EnterpriseKind.COMPANY, EnterpriseKind.COOPERATIVE):
        return VAT_INVOICE
    return SALES_INVOICE


def invoice_for(parcel):
    """The parcel's invoice: its enterprise to the buyer, its lines and delivery, totals = the parcel's."""
    form = form_of(parcel.enterprise)
    order = parcel.order
    lines = [
        _line(
            position,
            _name(line),
            _unit(line.product),
            line.quantity,
            line.line_price_incl_tax,
            vat.rate_of(line.product),
            form,
        )
        for position, line in enumerate(parcel.lines.select_related("product").order_by("pk"), start=1)
    ]
    if parcel.shipping_charge:
        shipping = (SHIPPING_NAME, SHIPPING_UNIT, 1, parcel.shipping_charge, vat.shipping_rate(), form)
        lines.append(_line(len(lines) + 1, *shipping))
    return Invoice(
        form=form,
        parcel_number=parcel.number,
        order_number=order.number,
        date=_invoice_date(parcel),
        payment_way=_payment_way(order),
        seller=_seller(parcel.enterprise),
        buyer=buyer_of(order),
        lines=lines,
    )


def buyer_of(order):
    """The buyer as the VAT invoice request gives them, else the shopper by name and delivery address."""
    request = one_to_one(order, "invoice_request")
    if request is not None:
        return Party(request.buyer_name, request.tax_code, request.address, request.email)
    address, email = order.shipping_address, order.email or ""
    shopper = order.user.get_full_name() if order.user else ""
    if address is None:
        return Party(shopper or email, email=email)
    parts = [address.line1, address.line2, address.line3, address.line4, address.state]
    return Party(address.name or shopper or email, "", ", ".join(part for part in parts if part), email)


def _line(position, name, unit, quantity, price, rate, form):
    if form == VAT_INVOICE:
        part = vat.split(price, quantity, rate)
        return InvoiceLine(position, name, unit, quantity, part.unit_price, part.amount, rate, part.vat)
    paid = Decimal(price)
    unit_price = (paid / quantity).quantize(Decimal("0.01")).normalize()
    return InvoiceLine(position, name, unit, quantity, unit_price, paid, None, Decimal("0"))


def _name(line):
    return line.title  # as it was when ordered, not as the product is called today


def _unit(product):
    return (getattr(product, "unit", "") or "").strip() or DEFAULT_UNIT


def _seller(enterprise):
    return Party(enterprise.name, enterprise.tax_code, enterprise.address, enterprise.email)


def one_to_one(instance, name):
    """The one-to-one row at ``name``, or None when there is none."""
    try:
        return getattr(instance, name)
    except ObjectDoesNotExist:
        return None


def _invoice_date(parcel):
    """The issued invoice's date once recorded; before that, the day the order was placed."""
    issued = one_to_one(parcel, "issued_invoice")
    if issued is not None:
        return issued.issued_on
    return timezone.localdate(parcel.order.date_placed or parcel.date_created)


def _payment_way(order):
    source = order.sources.select_related("source_type").first()
    return PAYMENT_WAYS.get(source.source_type.code, "CK") if source else "TM/CK"
