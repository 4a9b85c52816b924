"""The operator's list of flagged credits and the three ways to settle one: pay an order by hand
(only with the amount due, through the same books), record the money sent back, or close it with
a note; each decision audit-logged, refused once the credit is settled."""

import pytest
from django.urls import reverse

from marketplace.audit.models import AuditEntry
from marketplace.order.models import Parcel
from marketplace.transfers.models import IncomingTransfer
from tests.factories import parcel_statuses

from .bank_helpers import notice, post_notice

Status = Parcel.Status
Problem = IncomingTransfer.Problem

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator(client, admin_user, in_english):
    client.force_login(admin_user)
    return client


@pytest.fixture
def typo_credit(client, awaiting):
    """The order's exact amount, but the shopper mistyped the reference: flagged as naming no order."""
    post_notice(client, notice(awaiting, transaction_id="FT-TYPO", description="CK OCOP thanh toan don hang"))
    return IncomingTransfer.objects.get(transaction_id="FT-TYPO")


@pytest.fixture
def partial_credit(client, another_awaiting):
    post_notice(client, notice(another_awaiting, transaction_id="FT-PART", amount=1000))
    return IncomingTransfer.objects.get(transaction_id="FT-PART")


def settle(client, transfer, action, **data):
    url = reverse("dashboard:transfer-settle", kwargs={"pk": transfer.pk, "action": action})
    return client.post(url, data, follow=True)


def test_the_list_shows_flagged_credits_by_problem(operator, typo_credit, partial_credit):
    listed = operator.get(reverse("dashboard:transfer-list"))
    assert set(listed.context["transfers"]) == {typo_credit, partial_credit}
    partial = operator.get(reverse("dashboard:transfer-list"), {"problem": Problem.PARTIAL})
    assert list(partial.context["transfers"]) == [partial_credit]
    assert "Less than the amount due" in partial.content.decode()
    bad = operator.get(reverse("dashboard:transfer-list"), {"problem": "nonsense"})
    assert bad.status_code == 200


def test_the_operator_pays_the_order_with_a_credit_of_the_right_amount(
    operator, typo_credit, awaiting, admin_user
):
    assert (
        operator.get(reverse("dashboard:transfer-detail", kwargs={"pk": typo_credit.pk})).status_code == 200
    )
    response = settle(operator, typo_credit, "match", order_number=awaiting.number, note="Khách gõ sai mã")
    assert "is settled" in response.content.decode()
    typo_credit.refresh_from_db()
    assert (typo_credit.state, typo_credit.outcome, typo_credit.order) == ("settled", "matched", awaiting)
    assert typo_credit.settled_by == admin_user
    assert parcel_statuses(awaiting) == {Status.CONFIRMED}
    source = awaiting.sources.get()
    assert source.amount_debited == awaiting.total_incl_tax
    assert list(source.transactions.values_list("reference", flat=True)) == ["FT-TYPO"]
    entry = AuditEntry.objects.get(kind="bank_transfer")
    assert (entry.who, entry.to_status, entry.amount, entry.reason) == (
        admin_user,
        "matched",
        awaiting.total_incl_tax,
        "Khách gõ sai mã",
    )


def test_a_credit_of_another_amount_cannot_pay_the_order(operator, partial_credit, another_awaiting):
    response = settle(operator, partial_credit, "match", order_number=another_awaiting.number)
    assert "cannot pay order" in response.content.decode()
    partial_credit.refresh_from_db()
    assert partial_credit.state == "flagged"
    assert parcel_statuses(another_awaiting) == {Status.AWAITING_PAYMENT}
    assert not AuditEntry.objects.filter(kind="bank_transfer").exists()


def test_an_unknown_order_number_is_refused(operator, typo_credit):
    response = settle(operator, typo_credit, "match", order_number="999999")
    assert "There is no order 999999 paid by bank transfer." in response.content.decode()
    typo_credit.refresh_from_db()
    assert typo_credit.state == "flagged"


def test_the_operator_records_the_money_sent_back(operator, partial_credit):
    assert (
        "This field is required" in settle(operator, partial_credit, "return", reference="").content.decode()
    )
    partial_credit.refresh_from_db()
    assert partial_credit.state == "flagged"
    settle(operator, partial_credit, "return", reference="FT-OUT-77")
    partial_credit.refresh_from_db()
    assert (partial_credit.state, partial_credit.outcome, partial_credit.return_reference) == (
        "settled",
        "returned",
        "FT-OUT-77",
    )
    assert "FT-OUT-77" in AuditEntry.objects.get(kind="bank_transfer").reason


def test_the_operator_closes_a_credit_with_a_note(operator, partial_credit):
    settle(operator, partial_credit, "close", note="Khách chuyển bù phần còn thiếu, đã gộp")
    partial_credit.refresh_from_db()
    assert (partial_credit.state, partial_credit.outcome) == ("settled", "noted")
    assert AuditEntry.objects.filter(kind="bank_transfer", to_status="noted").count() == 1


def test_a_settled_credit_is_not_settled_again(operator, partial_credit, typo_credit, awaiting):
    settle(operator, partial_credit, "close", note="Done")
    again = settle(operator, partial_credit, "return", reference="FT-OUT")
    assert "already settled" in again.content.decode()
    partial_credit.refresh_from_db()
    assert (partial_credit.outcome, partial_credit.return_reference) == ("noted", "")
    settle(operator, typo_credit, "match", order_number=awaiting.number)
    assert (
        "already settled"
        in settle(operator, typo_credit, "match", order_number=awaiting.number).content.decode()
    )
    assert awaiting.sources.get().transactions.count() == 1
    assert AuditEntry.objects.filter(kind="bank_transfer").count() == 2


def test_an_unknown_action_is_a_404(operator, partial_credit):
    assert settle(operator, partial_credit, "delete").status_code == 404


def test_enterprise_staff_see_no_credit_and_settle_nothing(client, vendor1, partial_credit):
    client.force_login(vendor1)
    urls = [
        reverse("dashboard:transfer-list"),
        reverse("dashboard:transfer-detail", kwargs={"pk": partial_credit.pk}),
        reverse("dashboard:transfer-settle", kwargs={"pk": partial_credit.pk, "action": "close"}),
    ]
    for url in urls:
        for method in (client.get, client.post):
            response = method(url, {"note": "hijacked"})
            assert response.status_code in (302, 403, 404, 405)
            assert response.status_code != 302 or "login" in response["Location"]
    partial_credit.refresh_from_db()
    assert partial_credit.state == "flagged"


def test_the_dashboard_menu_leads_operators_only_to_the_credits(client, admin_user, vendor1):
    wanted = f'href="{reverse("dashboard:transfer-list")}"'
    client.force_login(admin_user)
    assert wanted in client.get(reverse("dashboard:index")).content.decode()
    client.force_login(vendor1)
    assert wanted not in client.get(reverse("dashboard:index")).content.decode()


def test_the_finance_menu_gives_an_enterprise_its_statements_and_invoice_data_only(client, vendor1):
    client.force_login(vendor1)
    page = client.get(reverse("dashboard:index")).content.decode()
    for own in ("dashboard:payout-list", "dashboard:parcel-invoices"):
        assert f'href="{reverse(own)}"' in page
    for operators in ("dashboard:transfer-list", "dashboard:payout-declaration"):
        assert f'href="{reverse(operators)}"' not in page
