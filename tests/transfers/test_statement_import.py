"""The operator's bank statement import: the file read whole (Vietnamese or English headers,
amounts with or without dots, with or without a BOM) or refused naming its bad lines; a preview
that stores nothing; then each line applied through the same rules as the bank's notifications."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from marketplace.order.models import Parcel
from marketplace.transfers import statements
from marketplace.transfers.models import IncomingTransfer, StatementImport
from marketplace.transfers.references import reference_for
from tests.factories import parcel_statuses

from .bank_helpers import line, notice, post_notice, statement_csv

Status = Parcel.Status
Problem = IncomingTransfer.Problem

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]  # messages read in English


# --- Reading the file ---------------------------------------------------------------------------


def test_a_vietnamese_export_with_bom_and_preamble_is_read():
    raw = statement_csv(
        '25/11/2026 09:15:00,FT001,"1.250.000",,"CK OCOP100123 thanh toan"',
        '25/11/2026 10:00:00,FT002,,"50.000","Phi dich vu"',  # money paid out: no credit
        "",
        '26/11/2026,FT003,"85000",,"OCOP100124"',
    )
    credits = statements.read(raw)
    assert [(c.transaction_id, c.amount, c.description) for c in credits] == [
        ("FT001", 1250000, "CK OCOP100123 thanh toan"),
        ("FT003", 85000, "OCOP100124"),
    ]
    assert credits[0].credited_at.isoformat() == "2026-11-25T09:15:00+07:00"


def test_an_english_export_without_bom_separated_by_semicolons_is_read():
    raw = statement_csv(
        "2026-11-25;FT9;1,250,000.00;;OCOP100123",
        header="Transaction Date;Reference No.;Debit;Credit (VND);Description",
        bom=False,
    ).replace(b"FT9;1,250,000.00;;", b"FT9;;1,250,000.00;")
    credits = statements.read(raw)
    assert [(c.transaction_id, c.amount) for c in credits] == [("FT9", 1250000)]


@pytest.mark.parametrize(
    ("text", "amount"),
    [("1.250.000", 1250000), ("1250000", 1250000), ("1,250,000", 1250000), ("125.000 ₫", 125000), ("", None)],
)
def test_amounts_in_whole_dong(text, amount):
    assert statements.amount_of(text) == amount


def test_other_headers_diễn_giải_and_ghi_có_are_accepted():
    raw = statement_csv('25/11/2026,FT1,"10.000","OCOP1"', header="Ngày,Mã giao dịch,Ghi có,Diễn giải")
    assert statements.read(raw)[0].amount == 10000


@pytest.mark.parametrize(
    ("raw", "said"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "not a CSV"),
        ("Ngày,Số tiền\n25/11/2026,1000\n".encode("utf-16"), "not a CSV"),
        (b"date,amount,who\n2026-11-25,1000,me\n", "No header row"),
        (statement_csv('25/11/2026,FT1,"abc",,"OCOP1"'), "Line 5"),
        (statement_csv('25/11/2026,FT1,"1.250,5",,"OCOP1"'), "whole number"),
        (statement_csv('hôm qua,FT1,"1000",,"OCOP1"'), "hôm qua"),
        (statement_csv('25/11/2026,,"1000",,"OCOP1"'), "reference number is missing"),
        (statement_csv('25/11/2026,FT1,"100.000.000.000.000",,"OCOP1"'), "too large"),
        (statement_csv('25/11/2026,FT1,,"1000","chi tien"'), "no money received"),
    ],
)
def test_a_bad_file_is_refused_naming_what_is_wrong(raw, said):
    with pytest.raises(statements.StatementError) as refusal:
        statements.read(raw)
    assert said in str(refusal.value)


# --- The dashboard: preview, then apply --------------------------------------------------------


@pytest.fixture
def operator(client, admin_user, in_english):
    client.force_login(admin_user)
    return client


def upload(client, raw, name="saoke.csv"):
    return client.post(
        reverse("dashboard:transfer-statement"), {"statement": SimpleUploadedFile(name, raw, "text/csv")}
    )


def apply(client, preview):
    return client.post(
        reverse("dashboard:transfer-statement-apply"), {"token": preview.context["token"]}, follow=True
    )


def test_the_preview_says_what_each_line_would_do_and_stores_nothing(operator, awaiting, another_awaiting):
    raw = statement_csv(
        line(awaiting, "FT100"),
        line(another_awaiting, "FT101", amount="1.000"),
        line(
            awaiting,
            "FT102",
            description=f"{reference_for(awaiting.number)} {reference_for(another_awaiting.number)}",
        ),
    )
    preview = upload(operator, raw)
    assert preview.status_code == 200
    forecasts = preview.context["forecasts"]
    assert [(f.known, f.verdict.order, f.verdict.problem) for f in forecasts] == [
        (False, awaiting, ""),
        (False, another_awaiting, Problem.PARTIAL),
        (False, None, Problem.TWO_ORDERS),
    ]
    html = preview.content.decode()
    assert f"Pays order {awaiting.number}" in html
    assert "Less than the amount due" in html
    assert IncomingTransfer.objects.count() == StatementImport.objects.count() == 0
    assert parcel_statuses(awaiting) == {Status.AWAITING_PAYMENT}


def test_applying_pays_the_matching_order_and_flags_the_rest(
    operator, awaiting, another_awaiting, admin_user
):
    description = f"{reference_for(awaiting.number)} {reference_for(another_awaiting.number)}"
    raw = statement_csv(line(awaiting, "FT100"), line(another_awaiting, "FT102", description=description))
    response = apply(operator, upload(operator, raw))
    assert (
        "Statement applied: 1 orders paid, 1 credits flagged for you, 0 already known."
        in response.content.decode()
    )
    assert parcel_statuses(awaiting) == {Status.CONFIRMED}
    assert parcel_statuses(another_awaiting) == {Status.AWAITING_PAYMENT}
    statement = StatementImport.objects.get()
    assert (statement.filename, statement.imported_by) == ("saoke.csv", admin_user)
    assert dict(statement.transfers.values_list("transaction_id", "state")) == {
        "FT100": "applied",
        "FT102": "flagged",
    }
    assert IncomingTransfer.objects.get(transaction_id="FT102").problem == Problem.TWO_ORDERS


def test_a_line_the_bank_already_notified_is_not_counted_twice(operator, client, awaiting):
    post_notice(client, notice(awaiting, transaction_id="FT100"))
    preview = upload(operator, statement_csv(line(awaiting, "FT100")))
    assert [f.known for f in preview.context["forecasts"]] == [True]
    assert "Already received" in preview.content.decode()
    response = apply(operator, preview)
    assert "0 orders paid, 0 credits flagged for you, 1 already known" in response.content.decode()
    source = awaiting.sources.get()
    assert source.amount_debited == awaiting.total_incl_tax
    assert source.transactions.count() == 1
    assert IncomingTransfer.objects.get().channel == "notification"


def test_applying_the_same_statement_twice_pays_once(operator, awaiting):
    raw = statement_csv(line(awaiting, "FT100"))
    apply(operator, upload(operator, raw))
    apply(operator, upload(operator, raw))
    assert awaiting.sources.get().amount_debited == awaiting.total_incl_tax
    assert IncomingTransfer.objects.count() == 1


def test_two_lines_for_one_order_pay_it_once(operator, awaiting):
    preview = upload(operator, statement_csv(line(awaiting, "FT100"), line(awaiting, "FT101")))
    assert [f.verdict.problem for f in preview.context["forecasts"]] == ["", Problem.ALREADY_PAID]
    apply(operator, preview)
    assert IncomingTransfer.objects.get(transaction_id="FT101").problem == Problem.ALREADY_PAID
    assert awaiting.sources.get().amount_debited == awaiting.total_incl_tax


def test_a_bad_file_is_answered_with_the_line_and_stores_nothing(operator, awaiting):
    response = upload(
        operator, statement_csv(line(awaiting, "FT100"), line(awaiting, "FT101", amount="mười nghìn"))
    )
    assert response.status_code == 200
    assert "Line 6" in response.content.decode()
    assert "forecasts" not in response.context
    assert IncomingTransfer.objects.count() == 0
    picture = upload(operator, b"\x89PNG\r\n\x1a\n\x00\x00", name="anh.png")
    assert "not a CSV" in picture.content.decode()


def test_an_altered_preview_is_refused(operator, awaiting):
    response = operator.post(reverse("dashboard:transfer-statement-apply"), {"token": "forged"}, follow=True)
    assert "upload the statement again" in response.content.decode()
    assert IncomingTransfer.objects.count() == StatementImport.objects.count() == 0


def test_enterprise_staff_cannot_import_statements(client, vendor1, awaiting):
    client.force_login(vendor1)
    for url in (reverse("dashboard:transfer-statement"), reverse("dashboard:transfer-statement-apply")):
        response = client.post(
            url, {"statement": SimpleUploadedFile("s.csv", statement_csv(line(awaiting, "FT1")))}
        )
        assert response.status_code in (302, 403, 404)
        assert response.status_code != 302 or "login" in response["Location"]
    assert IncomingTransfer.objects.count() == 0
