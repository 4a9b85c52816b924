"""Monthly statements (page and CSV) and marking payouts as paid, through the dashboard."""

import csv
import io
from datetime import datetime
from decimal import Decimal as D

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.payouts import statements
from marketplace.payouts.models import LedgerEntry
from marketplace.payouts.months import month_of, previous_month
from tests.factories import parcel_of, shared_order

Parcel = get_model("order", "Parcel")
Kind = LedgerEntry.Kind

pytestmark = pytest.mark.django_db

THIS_MONTH = month_of(timezone.localdate())
LAST_MONTH = previous_month(THIS_MONTH)
TWO_MONTHS_AGO = previous_month(LAST_MONTH)


def on(month, day):
    return timezone.make_aware(datetime(month.year, month.month, day, 10, 0))


def book(parcel, kind, gross, commission, when):
    """A ledger row for ``parcel`` dated ``when`` (as if its move had happened then)."""
    return LedgerEntry.objects.create(
        enterprise=parcel.enterprise,
        parcel=parcel,
        kind=kind,
        gross=D(gross),
        commission=D(commission),
        net=D(gross) - D(commission),
        date=when,
    )


@pytest.fixture
def history(shopper, vendor1, vendor2):
    """vendor1's account: a sale two months ago, reversed last month, two sales last month, one this month."""
    a, b, c, d = (
        parcel_of(shared_order(shopper, vendor1, vendor2, confirm=False), vendor1) for _ in range(4)
    )
    book(a, Kind.SALE, 100000, 5000, on(TWO_MONTHS_AGO, 20))
    book(b, Kind.SALE, 200000, 10000, on(LAST_MONTH, 3))
    book(a, Kind.REVERSAL, -100000, -5000, on(LAST_MONTH, 5))
    book(c, Kind.SALE, 50000, 2500, on(LAST_MONTH, 28))
    book(d, Kind.SALE, 80000, 4000, on(THIS_MONTH, 1))
    return vendor1.partners.get()


def statement_url(enterprise, month, name="dashboard:payout-statement"):
    return reverse(name, kwargs={"enterprise": enterprise.pk, "year": month.year, "month": month.month})


def test_a_statement_carries_the_balance_over_and_totals_the_month(history):
    statement = statements.statement(history, LAST_MONTH)
    assert statement.opening == D("95000")
    assert [entry.kind for entry in statement.entries] == [Kind.SALE, Kind.REVERSAL, Kind.SALE]
    assert (statement.gross, statement.commission, statement.net) == (D("150000"), D("7500"), D("142500"))
    assert statement.closing == D("237500")
    assert statements.statement(history, THIS_MONTH).opening == statement.closing


def test_the_enterprise_reads_its_statement_in_the_dashboard(client, vendor1, history):
    client.force_login(vendor1)
    response = client.get(statement_url(history, LAST_MONTH))
    assert response.status_code == 200
    html = response.content.decode()
    assert "95.000" in html and "142.500" in html and "237.500" in html
    assert response.context["can_pay"] is False  # only operators record payouts
    assert 'id="payout_form"' not in html


def test_the_statement_downloads_as_a_csv_excel_reads(client, vendor1, history):
    client.force_login(vendor1)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(statement_url(history, LAST_MONTH, "dashboard:payout-statement-csv"), follow=True)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    body = response.content
    assert body.startswith("\ufeff".encode())  # the byte-order mark Excel needs for UTF-8
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0] == [
        "Date",
        "Kind",
        "Parcel",
        "Order",
        "Gross",
        "Commission",
        "VAT withheld",
        "PIT withheld",
        "Net",
        "Note",
    ]
    assert rows[1][1:] == ["Opening balance", "", "", "", "", "", "", "95000", ""]
    assert [row[1] for row in rows[2:5]] == ["Sale", "Reversal", "Sale"]
    assert rows[3][4:9] == ["-100000", "-5000", "0", "0", "-95000"]
    assert rows[5][1:9] == ["Month's totals", "", "", "150000", "7500", "0", "0", "142500"]
    assert rows[6][1:9] == ["Closing balance", "", "", "", "", "", "", "237500"]


def test_the_csv_speaks_vietnamese_by_default(client, vendor1, history):
    from django.utils import translation

    client.force_login(vendor1)
    body = client.get(statement_url(history, LAST_MONTH, "dashboard:payout-statement-csv")).content
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    with translation.override("vi"):
        assert rows[0][0] == translation.gettext("Date")
        assert rows[2][1] == str(LedgerEntry.Kind.SALE.label)


def test_operators_see_every_enterprises_balance_for_a_month(client, admin_user, history):
    client.force_login(admin_user)
    response = client.get(reverse("dashboard:payout-list"), {"month": LAST_MONTH.strftime("%Y-%m")})
    row = next(e for e in response.context["enterprises"] if e.pk == history.pk)
    assert (row.opening, row.month_net, row.closing, row.is_paid) == (
        D("95000"),
        D("142500"),
        D("237500"),
        False,
    )


def test_a_bad_month_is_explained_not_an_error(client, admin_user, history):
    client.force_login(admin_user)
    response = client.get(reverse("dashboard:payout-list"), {"month": "2026-13"})
    assert response.status_code == 200
    assert response.context["month"] == LAST_MONTH
    assert client.get(f"/dashboard/payouts/{history.pk}/2026/13/").status_code == 404


def pay(client, enterprise, month, **data):
    return client.post(statement_url(enterprise, month, "dashboard:payout-pay"), data, follow=True)


def payouts(enterprise):
    return list(
        LedgerEntry.objects.filter(enterprise=enterprise, kind=Kind.PAYOUT).values_list(
            "month_paid", "net", "reference"
        )
    )


@pytest.mark.usefixtures("in_english")
def test_an_operator_marks_last_month_paid_once(client, admin_user, history):
    client.force_login(admin_user)
    page = client.get(statement_url(history, LAST_MONTH))
    assert page.context["payout_form"].initial["amount"] == D("237500")
    pay(client, history, LAST_MONTH, amount="237500", reference="VCB 0001")
    assert payouts(history) == [(LAST_MONTH, D("-237500"), "VCB 0001")]
    payout = LedgerEntry.objects.get(kind=Kind.PAYOUT)
    assert payout.recorded_by == admin_user
    assert statements.statement(history, THIS_MONTH).closing == D("76000")  # this month's sale is still owed

    response = pay(client, history, LAST_MONTH, amount="1", reference="VCB 0002")
    assert "already been paid" in " ".join(str(m) for m in response.context["messages"])
    assert len(payouts(history)) == 1
    page = client.get(statement_url(history, LAST_MONTH))
    assert 'id="payout_made"' in page.content.decode()


@pytest.mark.parametrize(
    "month,data,message",
    [
        (LAST_MONTH, {"amount": "237501", "reference": "VCB"}, "more than"),
        (THIS_MONTH, {"amount": "1000", "reference": "VCB"}, "after it has ended"),
        (TWO_MONTHS_AGO, {"amount": "95001", "reference": "VCB"}, "more than"),
        (LAST_MONTH, {"amount": "1000", "reference": ""}, "not recorded"),
        (LAST_MONTH, {"amount": "abc", "reference": "VCB"}, "not recorded"),
        (LAST_MONTH, {"amount": "-5", "reference": "VCB"}, "not recorded"),
    ],
)
@pytest.mark.usefixtures("in_english")
def test_a_payout_the_rules_refuse_records_nothing(client, admin_user, history, month, data, message):
    client.force_login(admin_user)
    response = pay(client, history, month, **data)
    assert response.status_code == 200
    assert message in " ".join(str(m) for m in response.context["messages"])
    assert payouts(history) == []


@pytest.mark.usefixtures("in_english")
def test_a_partial_payout_leaves_the_rest_owed_for_next_time(client, admin_user, history):
    client.force_login(admin_user)
    pay(client, history, TWO_MONTHS_AGO, amount="95000", reference="VCB 1")
    # Two months ago's sale was reversed last month: last month owes 237500 - 95000 paid.
    assert statements.statement(history, LAST_MONTH).owed == D("142500")
    response = pay(client, history, LAST_MONTH, amount="142501", reference="VCB 2")
    assert "more than" in " ".join(str(m) for m in response.context["messages"])


def test_statements_stay_within_the_enterprise(client, vendor1, vendor2, history):
    before = list(LedgerEntry.objects.values())
    client.force_login(vendor2)
    assert client.get(statement_url(history, LAST_MONTH)).status_code == 404
    assert client.get(statement_url(history, LAST_MONTH, "dashboard:payout-statement-csv")).status_code == 404
    assert pay(client, history, LAST_MONTH, amount="1000", reference="x").status_code == 403
    listed = client.get(reverse("dashboard:payout-list"), {"month": LAST_MONTH.strftime("%Y-%m")})
    assert [e.pk for e in listed.context["enterprises"]] == [vendor2.partners.get().pk]
    assert list(LedgerEntry.objects.values()) == before


def test_enterprise_staff_cannot_record_a_payout_even_for_themselves(client, vendor1, history):
    client.force_login(vendor1)
    assert pay(client, history, LAST_MONTH, amount="1000", reference="x").status_code == 403
    assert payouts(history) == []


# --- Which month the payouts page opens on --------------------------------------------------


def test_an_enterprise_opens_its_payouts_on_the_current_month(client, vendor1, history):
    client.force_login(vendor1)
    assert client.get(reverse("dashboard:payout-list")).context["month"] == THIS_MONTH


def test_after_a_quiet_spell_an_enterprise_opens_on_its_latest_month_with_activity(
    client, shopper, vendor1, vendor2
):
    older, latest = (
        parcel_of(shared_order(shopper, vendor1, vendor2, confirm=False), vendor1) for _ in range(2)
    )
    book(older, Kind.SALE, 200000, 10000, on(TWO_MONTHS_AGO, 3))
    book(latest, Kind.SALE, 50000, 2500, on(LAST_MONTH, 28))
    client.force_login(vendor1)
    assert client.get(reverse("dashboard:payout-list")).context["month"] == LAST_MONTH


def test_an_enterprise_without_history_opens_on_the_current_month(client, vendor1):
    client.force_login(vendor1)
    assert client.get(reverse("dashboard:payout-list")).context["month"] == THIS_MONTH


def test_operators_open_on_last_month_the_one_due_to_be_paid(client, admin_user, history):
    client.force_login(admin_user)
    assert client.get(reverse("dashboard:payout-list")).context["month"] == LAST_MONTH
