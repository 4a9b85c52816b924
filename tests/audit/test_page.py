"""The audit log page: the Department's reviewers and operators only, filtered, exported."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from oscar.core.loading import get_model

from marketplace.audit import log
from marketplace.audit.models import AuditEntry

Partner = get_model("partner", "Partner")

pytestmark = pytest.mark.django_db

URL = reverse("dashboard:audit-list")


@pytest.fixture
def decisions(reviewer, admin_user):
    """Two decisions on two enterprises, by two people."""
    first, second = Partner.objects.order_by("pk")[:2]
    log.record(
        "enterprise",
        first,
        by=reviewer,
        reason="Thiếu giấy phép",
        from_status="submitted",
        to_status="changes_requested",
        from_label="Submitted",
        to_label="Changes requested",
    )
    log.record("payout", second, by=admin_user, reason="Chuyển khoản", amount=1250000, label="11/2026")
    return first, second


def rows(response):
    return list(response.context["entries"])


def test_a_reviewer_reads_the_log_newest_first(reviewing, decisions):
    response = reviewing.get(URL)
    assert response.status_code == 200
    entries = rows(response)
    assert entries == sorted(entries, key=lambda entry: (entry.when, entry.pk), reverse=True)
    html = response.content.decode()
    assert "Thiếu giấy phép" in html and "1.250.000" in html
    assert "Đã gửi → Yêu cầu bổ sung" in html  # the statuses in the reader's language


def test_an_operator_reads_the_log(client, admin_user, decisions):
    client.force_login(admin_user)
    assert client.get(URL).status_code == 200


def test_enterprise_staff_are_refused(staff):
    response = staff.get(URL)
    assert response.status_code in (302, 403)
    assert staff.get(URL + "?export=csv").status_code in (302, 403)


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind": "payout"}, ["Chuyển khoản"]),
        ({"who": "reviewer@"}, ["Thiếu giấy phép"]),
        ({"text": "giấy phép"}, ["Thiếu giấy phép"]),
        ({"text": "11/2026"}, ["Chuyển khoản"]),
    ],
)
def test_the_log_is_filtered(reviewing, decisions, query, expected):
    found = [
        entry.reason
        for entry in rows(reviewing.get(URL, query))
        if entry.reason in ("Thiếu giấy phép", "Chuyển khoản")
    ]
    assert found == expected


def test_the_log_is_filtered_by_enterprise_and_dates_typed_the_vietnamese_way(reviewing, decisions):
    first, _second = decisions
    today = timezone.localdate().strftime("%d/%m/%Y")
    entries = rows(reviewing.get(URL, {"enterprise": first.name, "date_from": today, "date_to": today}))
    assert entries and {entry.enterprise_name for entry in entries} == {first.name}
    assert rows(reviewing.get(URL, {"date_to": "01/01/2020"})) == []


@pytest.mark.parametrize(
    "query",
    [
        {"date_from": "31/02/2026"},
        {"date_from": "hôm qua"},
        {"date_from": "10/12/2026", "date_to": "01/12/2026"},
        {"kind": "bribe"},
        {"text": "x" * 500},
        {"page": "abc"},
        {"page": "999"},
    ],
)
def test_a_bad_filter_gets_a_message_and_the_whole_list(reviewing, decisions, query):
    response = reviewing.get(URL, query)
    assert response.status_code == 200
    html = response.content.decode()
    assert len(rows(response)) == min(25, AuditEntry.objects.count())
    assert 'class="alert' in html


def test_a_bad_filter_exports_nothing_and_shows_the_page(reviewing, decisions):
    response = reviewing.get(URL, {"date_from": "31/02/2026", "export": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")


def test_the_filtered_log_exports_as_csv_with_vietnamese_headers(reviewing, decisions):
    response = reviewing.get(URL, {"kind": "payout", "export": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    header, *lines = list(csv.reader(io.StringIO(text)))
    assert header[:3] == ["Thời điểm", "Quyết định", "Người thực hiện"]
    assert [line[8] for line in lines if line[8] == "Chuyển khoản"] == ["Chuyển khoản"]
    assert all(line[1] == "Thanh toán cho doanh nghiệp" for line in lines)
    assert lines[0][0].startswith(timezone.localdate().strftime("%d/%m/%Y"))


def test_the_filtered_log_exports_as_xlsx(reviewing, decisions):
    response = reviewing.get(URL, {"text": "giấy phép", "export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    header, *lines = list(sheet.iter_rows(values_only=True))
    assert (header[0], header[5], header[8]) == ("Thời điểm", "Doanh nghiệp", "Lý do")
    assert lines and all("giấy phép" in (line[4] + line[8]).lower() for line in lines)
    assert lines[0][0].date() == timezone.localdate()
    assert sheet.cell(row=2, column=1).number_format == "DD/MM/YYYY HH:MM"


def test_a_page_costs_the_same_queries_whatever_it_shows(reviewing, decisions, reviewer):
    def queries():
        with CaptureQueriesContext(connection) as context:
            assert reviewing.get(URL).status_code == 200
        return len(context)

    few = queries()
    for number in range(30):
        log.record("enterprise", decisions[0], by=reviewer, reason=f"Quyết định {number}")
    assert queries() == few


def test_the_dashboard_menu_offers_the_log_to_reviewers_not_to_enterprise_staff(client, reviewer, vendor1):
    client.force_login(reviewer)
    assert f'href="{URL}"' in client.get(reverse("dashboard:index"), follow=True).content.decode()
    client.force_login(vendor1)
    assert f'href="{URL}"' not in client.get(reverse("dashboard:index")).content.decode()
