"""The Department's review queue: only reviewers see it, it narrows, and decisions are applied and told."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.dashboard.enterprises import views
from tests.responses import messages_of
from vendors.models import EnterpriseKind, EnterpriseStatus
from vendors.review import move

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.django_db

QUEUE = reverse("dashboard:enterprise-review-list")


def detail_url(enterprise):
    return reverse("dashboard:enterprise-review-detail", kwargs={"pk": enterprise.pk})


def decide_url(enterprise):
    return reverse("dashboard:enterprise-review-decide", kwargs={"pk": enterprise.pk})


def latest_change(enterprise):
    return enterprise.status_changes.order_by("-pk").values_list("pk", flat=True).first() or 0


def decide(client, enterprise, to_status, reason="", seen=None):
    data = {"to_status": to_status, "reason": reason}
    data["seen_change"] = latest_change(enterprise) if seen is None else seen
    return client.post(decide_url(enterprise), data)


def a_submitted_enterprise():
    return Partner.objects.filter(status=EnterpriseStatus.SUBMITTED).order_by("pk").first()


def listed(response):
    return {enterprise.pk for enterprise in response.context["enterprises"]}


# --- Who may enter --------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["anonymous", "shopper", "vendor1"])
def test_only_reviewers_enter_the_review_area(client, who, request):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    own = request.getfixturevalue("vendor1").partners.get()
    submitted = a_submitted_enterprise()
    for response in (
        client.get(QUEUE),
        client.get(detail_url(own)),
        client.get(detail_url(submitted)),
        client.post(decide_url(submitted), {"to_status": EnterpriseStatus.APPROVED, "seen_change": 0}),
        client.post(
            decide_url(own), {"to_status": EnterpriseStatus.SUSPENDED, "reason": "x", "seen_change": 0}
        ),
    ):
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert "login" in response["Location"]
    assert Partner.objects.get(pk=submitted.pk).status == EnterpriseStatus.SUBMITTED
    assert Partner.objects.get(pk=own.pk).status == EnterpriseStatus.APPROVED


def test_the_dashboard_menu_links_the_queue_for_reviewers_only(client, reviewer, vendor1):
    client.force_login(reviewer)
    assert QUEUE in client.get(reverse("dashboard:index"), follow=True).content.decode()
    client.force_login(vendor1)
    response = client.get(reverse("dashboard:index"))
    assert response.status_code == 200
    assert QUEUE not in response.content.decode()


def test_deciding_is_post_only(reviewing):
    assert reviewing.get(decide_url(a_submitted_enterprise())).status_code == 405


# --- The queue ------------------------------------------------------------------------------


def test_the_queue_counts_each_status_as_the_database_does(reviewing):
    response = reviewing.get(QUEUE)
    assert response.status_code == 200
    expected = dict(Partner.objects.order_by().values_list("status").annotate(Count("pk")))
    shown = {status: count for status, _label, count in response.context["status_counts"]}
    assert shown == {status: expected.get(status, 0) for status in EnterpriseStatus.values}
    assert response.context["total_count"] == Partner.objects.count()
    html = response.content.decode()
    for status in EnterpriseStatus.values:
        assert f"?status={status}" in html


def test_submitted_applications_come_first_oldest_first(reviewing):
    now = timezone.now()
    waiting = list(Partner.objects.filter(status=EnterpriseStatus.SUBMITTED).order_by("pk"))
    for days, enterprise in enumerate(waiting):
        enterprise.date_submitted = now - timedelta(days=days)
        enterprise.save(update_fields=["date_submitted"])
    rows = list(reviewing.get(QUEUE).context["enterprises"])
    assert [row.pk for row in rows[: len(waiting)]] == [enterprise.pk for enterprise in reversed(waiting)]
    others = rows[len(waiting) :]
    assert all(row.status != EnterpriseStatus.SUBMITTED for row in others)
    assert [row.name for row in others] == sorted(row.name for row in others)


def test_the_queue_is_paginated_by_25(reviewing):
    response = reviewing.get(QUEUE)
    assert len(response.context["enterprises"]) == min(25, Partner.objects.count())
    if Partner.objects.count() > 25:
        assert response.context["is_paginated"]
        assert reviewing.get(QUEUE, {"page": 2}).status_code == 200


@pytest.mark.parametrize(
    "status",
    [
        EnterpriseStatus.SUBMITTED,
        EnterpriseStatus.REJECTED,
        EnterpriseStatus.CHANGES_REQUESTED,
        EnterpriseStatus.APPROVED,
    ],
)
def test_filter_by_status(reviewing, status):
    response = reviewing.get(QUEUE, {"status": status})
    expected = set(Partner.objects.filter(status=status).values_list("pk", flat=True)[:25])
    assert expected and listed(response) == expected


def test_filter_by_kind_and_commune(reviewing):
    household = Partner.objects.filter(
        kind=EnterpriseKind.HOUSEHOLD, status=EnterpriseStatus.SUBMITTED
    ).first()
    response = reviewing.get(QUEUE, {"kind": EnterpriseKind.HOUSEHOLD, "status": EnterpriseStatus.SUBMITTED})
    assert listed(response) == set(
        Partner.objects.filter(kind=EnterpriseKind.HOUSEHOLD, status=EnterpriseStatus.SUBMITTED).values_list(
            "pk", flat=True
        )
    )
    response = reviewing.get(QUEUE, {"commune": household.commune_id})
    assert household.pk in listed(response)
    assert listed(response) == set(
        Partner.objects.filter(commune=household.commune).values_list("pk", flat=True)
    )


def test_filter_by_submitted_dates(reviewing):
    early, late = Partner.objects.filter(status=EnterpriseStatus.SUBMITTED).order_by("pk")[:2]
    Partner.objects.filter(pk=early.pk).update(date_submitted=timezone.now() - timedelta(days=40))
    Partner.objects.filter(pk=late.pk).update(date_submitted=timezone.now() - timedelta(days=2))
    since = (timezone.localdate() - timedelta(days=10)).isoformat()
    until = (timezone.localdate() - timedelta(days=20)).isoformat()
    assert late.pk in listed(reviewing.get(QUEUE, {"submitted_from": since}))
    assert early.pk not in listed(reviewing.get(QUEUE, {"submitted_from": since}))
    assert listed(reviewing.get(QUEUE, {"submitted_to": until})) == {early.pk}


@pytest.mark.parametrize(
    "query",
    [
        {"status": "xyz"},
        {"submitted_from": "not-a-date"},
        {"submitted_to": "2025-02-30"},
        {"commune": "abc"},
        {"kind": "<script>"},
        {"submitted_from": "2025-06-01", "submitted_to": "2025-05-01"},
    ],
)
def test_bad_filters_show_a_message_and_the_whole_queue(reviewing, query):
    response = reviewing.get(QUEUE, query)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert 'id="filter_errors"' in response.content.decode()
    assert response.context["paginator"].count == Partner.objects.count()


def test_the_queue_costs_the_same_few_queries_however_many_rows(reviewing, django_assert_max_num_queries):
    with django_assert_max_num_queries(14) as few:
        reviewing.get(QUEUE, {"status": EnterpriseStatus.REJECTED})
    Partner.objects.bulk_create(
        Partner(name=f"Hộ kinh doanh thêm {n}", slug=f"them-{n}", status=EnterpriseStatus.REJECTED)
        for n in range(30)
    )
    with django_assert_max_num_queries(len(few)):
        response = reviewing.get(QUEUE, {"status": EnterpriseStatus.REJECTED})
    assert len(response.context["enterprises"]) == 25


# --- The detail page ------------------------------------------------------------------------


def test_the_detail_shows_the_application_and_the_allowed_decisions(reviewing):
    enterprise = a_submitted_enterprise()
    response = reviewing.get(detail_url(enterprise))
    assert response.status_code == 200
    html = response.content.decode()
    for value in (enterprise.name, enterprise.tax_code, enterprise.representative, enterprise.phone):
        assert value in html
    assert enterprise.email in html
    assert enterprise.commune.name in html
    assert decide_url(enterprise) in html
    buttons = {status for status, _label, _style in response.context["form"].moves}
    assert buttons == {
        EnterpriseStatus.APPROVED,
        EnterpriseStatus.CHANGES_REQUESTED,
        EnterpriseStatus.REJECTED,
    }
    for status in buttons:
        assert f'value="{status}"' in html


def test_the_detail_links_each_document(reviewing, vendor1):
    enterprise = a_submitted_enterprise()
    document = enterprise.documents.create(
        file="private/enterprise-documents/x.pdf",
        original_name="giay-phep-kinh-doanh.pdf",
        content_type="application/pdf",
        size=1234,
        uploaded_by=vendor1,
    )
    html = reviewing.get(detail_url(enterprise)).content.decode()
    assert reverse("enterprises:document", kwargs={"pk": document.pk}) in html
    assert "giay-phep-kinh-doanh.pdf" in html


def test_a_rejected_enterprise_offers_no_decision(reviewing):
    enterprise = Partner.objects.filter(status=EnterpriseStatus.REJECTED).first()
    response = reviewing.get(detail_url(enterprise))
    assert response.context["form"].moves == []
    assert 'id="decision_form"' not in response.content.decode()


# --- Deciding -------------------------------------------------------------------------------


def test_approving_a_submitted_enterprise_records_it_and_tells_the_enterprise(
    reviewing, reviewer, django_capture_on_commit_callbacks
):
    enterprise = a_submitted_enterprise()
    before = latest_change(enterprise)
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(reviewing, enterprise, EnterpriseStatus.APPROVED)
    assert response.status_code == 302
    assert response["Location"] == detail_url(enterprise)
    enterprise.refresh_from_db()
    assert enterprise.status == EnterpriseStatus.APPROVED
    (change,) = enterprise.status_changes.filter(pk__gt=before)
    assert (change.from_status, change.to_status, change.changed_by) == (
        EnterpriseStatus.SUBMITTED,
        EnterpriseStatus.APPROVED,
        reviewer,
    )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert enterprise.email in message.to
    assert "http://testserver" + reverse("enterprises:apply") in message.body
    assert enterprise.name in message.subject
    assert "\n" not in message.subject


def test_the_mail_goes_to_the_enterprise_and_its_staff_once_each(
    reviewing, vendor1, vendor2, django_capture_on_commit_callbacks
):
    enterprise = a_submitted_enterprise()
    enterprise.users.add(vendor1, vendor2)
    Partner.objects.filter(pk=enterprise.pk).update(email=vendor1.email.upper())
    with django_capture_on_commit_callbacks(execute=True):
        decide(reviewing, enterprise, EnterpriseStatus.CHANGES_REQUESTED, reason="Bổ sung giấy chứng nhận.")
    (message,) = mail.outbox
    assert sorted(address.lower() for address in message.to) == sorted([vendor1.email, vendor2.email])
    assert "Bổ sung giấy chứng nhận." in message.body


def test_rejecting_without_a_reason_is_a_form_error_and_changes_nothing(
    reviewing, django_capture_on_commit_callbacks
):
    enterprise = a_submitted_enterprise()
    before = latest_change(enterprise)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = decide(reviewing, enterprise, EnterpriseStatus.REJECTED, reason="   ")
    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    enterprise.refresh_from_db()
    assert enterprise.status == EnterpriseStatus.SUBMITTED
    assert latest_change(enterprise) == before
    assert not callbacks and not mail.outbox


def test_suspending_hides_products_and_closes_the_dashboard_and_reapproving_restores(
    reviewing, vendor1, django_user_model, django_capture_on_commit_callbacks
):
    enterprise = vendor1.partners.get()
    products = set(Product.objects.filter(stockrecords__partner=enterprise))
    assert products and products <= set(Product.objects.browsable())
    assert django_user_model.objects.get(pk=vendor1.pk).has_perm("partner.dashboard_access")

    with django_capture_on_commit_callbacks(execute=True):
        decide(
            reviewing, enterprise, EnterpriseStatus.SUSPENDED, reason="Sản phẩm bị phản ánh về chất lượng."
        )
    enterprise.refresh_from_db()
    assert enterprise.status == EnterpriseStatus.SUSPENDED
    assert not products & set(Product.objects.browsable())
    assert not django_user_model.objects.get(pk=vendor1.pk).has_perm("partner.dashboard_access")
    assert vendor1.email in mail.outbox[-1].to

    with django_capture_on_commit_callbacks(execute=True):
        decide(reviewing, enterprise, EnterpriseStatus.APPROVED)
    enterprise.refresh_from_db()
    assert enterprise.status == EnterpriseStatus.APPROVED
    assert products <= set(Product.objects.browsable())
    assert django_user_model.objects.get(pk=vendor1.pk).has_perm("partner.dashboard_access")
    assert len(mail.outbox) == 2


def test_a_stale_decision_is_refused_and_changes_nothing(
    reviewing, reviewer, django_capture_on_commit_callbacks
):
    enterprise = a_submitted_enterprise()
    seen = latest_change(enterprise)
    move(enterprise, EnterpriseStatus.REJECTED, by=reviewer, reason="Hồ sơ không đạt.")
    rejection = latest_change(enterprise)
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(reviewing, enterprise, EnterpriseStatus.APPROVED, seen=seen)
    assert response.status_code == 302
    page = reviewing.get(response["Location"])
    assert messages_of(page)
    assert not page.context["form"].moves  # a rejected enterprise: nothing left to decide
    enterprise.refresh_from_db()
    assert enterprise.status == EnterpriseStatus.REJECTED
    assert latest_change(enterprise) == rejection
    assert not mail.outbox


def test_a_decision_overtaken_while_being_applied_is_refused(
    reviewing, reviewer, monkeypatch, django_capture_on_commit_callbacks
):
    """Another reviewer rejects between our form check and our locked move: ours is refused."""
    enterprise = a_submitted_enterprise()

    def overtaken(target, to_status, **kwargs):
        move(
            Partner.objects.get(pk=target.pk),
            EnterpriseStatus.REJECTED,
            by=reviewer,
            reason="Hồ sơ không đạt.",
        )
        return move(target, to_status, **kwargs)

    monkeypatch.setattr(views.review, "move", overtaken)
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(reviewing, enterprise, EnterpriseStatus.APPROVED)
    assert response.status_code == 302
    assert messages_of(reviewing.get(response["Location"]))
    enterprise.refresh_from_db()
    assert (
        enterprise.status == EnterpriseStatus.SUBMITTED
    )  # the whole request rolled back, the competitor's move too
    assert not mail.outbox


def test_a_decision_on_a_form_older_than_the_last_decision_is_refused(reviewing, reviewer):
    """Asked for changes, resubmitted: a reviewer still looking at the first submission cannot approve it."""
    enterprise = a_submitted_enterprise()
    seen = latest_change(enterprise)
    move(enterprise, EnterpriseStatus.CHANGES_REQUESTED, by=reviewer, reason="Thiếu giấy tờ.")
    move(enterprise, EnterpriseStatus.SUBMITTED)
    response = decide(reviewing, enterprise, EnterpriseStatus.APPROVED, seen=seen)
    assert response.status_code == 302
    page = reviewing.get(response["Location"])
    assert messages_of(page)
    assert page.context["form"]["seen_change"].value() == latest_change(enterprise)
    enterprise.refresh_from_db()
    assert enterprise.status == EnterpriseStatus.SUBMITTED


def test_asking_for_changes_shows_the_reason_in_the_history(reviewing, reviewer):
    enterprise = a_submitted_enterprise()
    reason = "Đề nghị bổ sung bản sao giấy chứng nhận đăng ký hộ kinh doanh."
    response = decide(reviewing, enterprise, EnterpriseStatus.CHANGES_REQUESTED, reason=reason)
    assert response.status_code == 302
    page = reviewing.get(response["Location"])
    assert messages_of(page)
    history = page.content.decode().split('id="enterprise_history"')[1]
    assert reason in history
    assert reviewer.get_full_name() in history
