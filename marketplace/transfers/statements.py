"""A bank statement exported as CSV, read into the credits it lists.

Vietnamese banks name the columns in Vietnamese or English ("Ngày giao dịch"/"Transaction date",
"Số tham chiếu"/"Reference No.", "Số tiền ghi có"/"Credit", "Nội dung"/"Description"), may put
the account's details above the header, write amounts as "1.250.000" or "1250000" and save
UTF-8 with or without a byte-order mark. A file is read whole or refused with every bad line
named: a half-read statement could leave money unseen.
"""

import csv
import io
import re
import unicodedata
from datetime import datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from .receiving import Credit

MAX_BYTES = 2 * 1024 * 1024
DELIMITERS = (",", ";", "\t")
HEADER_SEARCH_ROWS = 30  # the bank's preamble (account, period) above the header

# Each column's accepted headers, compared without accents, case or punctuation.
COLUMNS = {
    "date": ("ngay giao dich", "ngay gd", "ngay", "ngay hach toan", "transaction date", "date", "value date"),
    "transaction_id": (
        "so tham chieu",
        "ma giao dich",
        "so but toan",
        "ma gd",
        "reference no",
        "reference number",
        "reference",
        "ref no",
        "transaction id",
        "transaction no",
    ),
    "credit": ("so tien ghi co", "ghi co", "so tien co", "co", "credit", "credit amount", "credits"),
    "description": (
        "noi dung",
        "dien giai",
        "noi dung giao dich",
        "mo ta",
        "description",
        "details",
        "narrative",
    ),
}
DATE_FORMATS = (
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
    "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y",
    "%Y-%m-%d",
)
_GROUPED = re.compile(r"^\d{1,3}([.,])\d{3}(?:\1\d{3})*(?:[.,]0{1,2})?$")
_PLAIN = re.compile(r"^\d+(?:[.,]0{1,2})?$")


class StatementError(ValueError):
    """The file cannot be read; ``messages`` say why, naming the lines."""

    def __init__(self, messages):
        super().__init__("; ".join(messages))
        self.messages = list(messages)


def read(raw: bytes) -> list[Credit]:
    """The credits of a statement file; StatementError naming every problem, nothing half-read."""
    if len(raw) > MAX_BYTES:
        raise StatementError([_("The file is larger than 2 MB; please split the statement.")])
    if b"\x00" in raw:
        raise StatementError([_("The file is not a CSV text file (UTF-8).")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise StatementError([_("The file is not a CSV text file (UTF-8).")]) from None
    rows, header_at, columns = _table(text)
    credits, errors = [], []
    for index in range(header_at + 1, len(rows)):
        row = rows[index]
        if not any(cell.strip() for cell in row):
            continue
        try:
            credit = _credit(row, columns)
        except ValueError as error:
            errors.append(_("Line %(line)d: %(problem)s") % {"line": index + 1, "problem": error})
            continue
        if credit is not None:
            credits.append(credit)
    if errors:
        raise StatementError(errors)
    if not credits:
        raise StatementError([_("The statement lists no money received.")])
    return credits


def _table(text):
    """The rows split by whichever separator gives a header row (comma, semicolon or tab), its
    position and each column's index in it."""
    for delimiter in DELIMITERS:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        found = _header(rows)
        if found is not None:
            return rows, *found
    raise StatementError(
        [
            _(
                "No header row with the columns date (Ngày giao dịch), reference number (Số tham chiếu), "
                "credit amount (Số tiền ghi có) and description (Nội dung) was found."
            )
        ]
    )


def normalized(header: str) -> str:
    """A header without accents, case, punctuation or a "(VND)" unit.

    "Số tiền ghi có (VND)" -> "so tien ghi co"
    """
    text = unicodedata.normalize("NFD", header.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())
    return re.sub(r"\s*\b(vnd|dong)$", "", text)


def _header(rows):
    """Where the header row is and each column's index in it, or None."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        names = [normalized(cell) for cell in row]
        columns = {}
        for column, accepted in COLUMNS.items():
            for position, name in enumerate(names):
                if name in accepted and position not in columns.values():
                    columns[column] = position
                    break
        if len(columns) == len(COLUMNS):
            return index, columns
    return None


def _credit(row, columns):
    """One row's credit, None for a row that is no credit (money paid out); ValueError saying why not."""
    cells = {
        column: (row[position].strip() if position < len(row) else "") for column, position in columns.items()
    }
    amount = amount_of(cells["credit"])
    if amount is None:
        return None
    if not cells["transaction_id"]:
        raise ValueError(_("the reference number is missing."))
    if len(cells["transaction_id"]) > 128:
        raise ValueError(_("the reference number is longer than 128 characters."))
    return Credit(
        transaction_id=cells["transaction_id"],
        amount=amount,
        description=cells["description"],
        credited_at=moment_of(cells["date"]),
        payload=dict(
            zip(("date", "transaction_id", "credit", "description"), (cells[c] for c in COLUMNS), strict=True)
        ),
    )


def amount_of(text: str):
    """Whole đồng in "1.250.000", "1,250,000", "1250000" or "1.250.000 ₫"; None for an empty or
    zero credit; ValueError for anything else."""
    cleaned = re.sub(r"(?i)\s|vnd|₫|đ", "", text)
    if cleaned in ("", "-", "0"):
        return None
    if _GROUPED.match(cleaned):
        whole = (
            re.split(r"[.,]0{1,2}$", cleaned)[0] if re.search(r"[.,]\d{3}[.,]0{1,2}$", cleaned) else cleaned
        )
        value = Decimal(re.sub(r"[.,]", "", whole))
    elif _PLAIN.match(cleaned):
        value = Decimal(re.split(r"[.,]", cleaned)[0])
    else:
        raise ValueError(
            _("the credit amount “%(amount)s” is not a whole number of đồng.") % {"amount": text}
        )
    if value >= 10**13:
        raise ValueError(_("the credit amount “%(amount)s” is too large.") % {"amount": text})
    return value or None


def moment_of(text: str):
    """The date (and time) of a line, in Vietnam's time; ValueError naming what was found."""
    for format in DATE_FORMATS:
        try:
            moment = datetime.strptime(text, format)
        except ValueError:
            continue
        return timezone.make_aware(moment)
    raise ValueError(_("the date “%(date)s” is not a date like 25/11/2026.") % {"date": text})
