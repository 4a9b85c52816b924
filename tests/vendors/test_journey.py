"""The whole path of an enterprise: apply, review, sell, be suspended.

Apply and submit; the Department asks for changes; the applicant resubmits;
the Department approves; the enterprise lists a product and shoppers find it;
the Department suspends the enterprise and the product disappears at once.
"""

import pytest
from django.contrib.messages import WARNING
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from places.models import Commune
from tests.vendors.dashboard_forms import product_form_data
from vendors.models import EnterpriseStatus

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def application_data(**changes):
    commune = Commune.objects.get(name="Phường Đồng Hới")
    data = {
        "name": "Hợp tác xã Khoai deo Bảo Ninh",
        "kind": "cooperative",
        "tax_code": "3100123459",
        "representative": "Nguyễn Thị Hạnh",
        "phone": "0912 345 678",
        "email": "khoaideo@example.vn",
        "province": commune.province_id,
        "commune": commune.pk,
        "street_address": "Thôn Sa Động",
        "story": "Khoai deo phơi nắng gió biển Bảo Ninh.",
        "save_draft": "",
    }
    data.update(changes)
    return data


def decide(reviewer_client, enterprise, to_status, reason=""):
    latest = enterprise.status_changes.order_by("-pk").values_list("pk", flat=True).first() or 0
    return reviewer_client.post(
        reverse("dashboard:enterprise-review-decide", kwargs={"pk": enterprise.pk}),
        {"to_status": to_status, "reason": reason, "seen_change": latest},
    )


def list_a_product(client, enterprise):
    product_class = ProductClass.objects.get(slug="ocop-product")
    url = reverse("dashboard:catalogue-product-create", kwargs={"product_class_slug": product_class.slug})
    return client.post(url, product_form_data(enterprise.pk, "BN-KD-500", "Khoai deo Bảo Ninh túi 500g"))


def test_an_enterprise_applies_is_reviewed_sells_and_is_suspended(
    django_user_model, reviewer, django_capture_on_commit_callbacks
):
    applicant = django_user_model.objects.create_user(
        "hanh@example.vn", "hanh@example.vn", "mat-khau-dai-2026"
    )
    shop, department = Client(), Client()
    shop.force_login(applicant)
    department.force_login(reviewer)

    # Apply and submit.
    assert shop.post(reverse("enterprises:apply"), application_data()).status_code == 302
    enterprise = Partner.objects.get(users=applicant)
    certificate = SimpleUploadedFile("dang-ky-kinh-doanh.pdf", PDF)
    shop.post(
        reverse("enterprises:apply"),
        {"kind": "business_registration", "file": certificate, "upload_document": ""},
    )
    shop.post(reverse("enterprises:apply-submit"))
    enterprise.refresh_from_db()
    assert enterprise.status == EnterpriseStatus.SUBMITTED

    # The Department asks for changes; the applicant reads why, corrects and resubmits.
    with django_capture_on_commit_callbacks(execute=True):
        decide(
            department,
            enterprise,
            EnterpriseStatus.CHANGES_REQUESTED,
            reason="Bổ sung số điện thoại cố định của HTX.",
        )
    enterprise.refresh_from_db()
    assert enterprise.status == EnterpriseStatus.CHANGES_REQUESTED
    assert "Bổ sung số điện thoại cố định" in shop.get(reverse("enterprises:apply")).content.decode()
    shop.post(reverse("enterprises:apply"), application_data(phone="0232 3822 123"))
    shop.post(reverse("enterprises:apply-submit"))
    enterprise.refresh_from_db()
    assert enterprise.status == EnterpriseStatus.SUBMITTED

    # The Department approves; the enterprise is told by e-mail and reaches its dashboard.
    with django_capture_on_commit_callbacks(execute=True):
        decide(department, enterprise, EnterpriseStatus.APPROVED)
    enterprise.refresh_from_db()
    assert enterprise.status == EnterpriseStatus.APPROVED
    assert any("khoaideo@example.vn" in message.to for message in mail.outbox)
    assert shop.get(reverse("dashboard:index")).status_code == 200

    # It lists a product, and shoppers find it (the search index is updated once the listing commits).
    with django_capture_on_commit_callbacks(execute=True):
        response = list_a_product(shop, enterprise)
    assert response.status_code == 302, [
        (key, response.context[key].errors, getattr(response.context[key], "non_form_errors", list)())
        for key in ("form", "stockrecord_formset", "category_formset", "image_formset", "recommended_formset")
    ]
    product = Product.objects.get(upc="BN-KD-500")
    shopper = Client()
    assert product in shopper.get(reverse("search:search"), {"q": "khoai deo"}).context["products"]
    assert shopper.get(product.get_absolute_url()).status_code == 200

    # The Department suspends it: the product is gone at once, and so is the dashboard.
    with django_capture_on_commit_callbacks(execute=True):
        decide(department, enterprise, EnterpriseStatus.SUSPENDED, reason="Kiểm tra phản ánh về hạn sử dụng.")
    assert product not in shopper.get(reverse("search:search"), {"q": "khoai deo"}).context["products"]
    assert shopper.get(product.get_absolute_url()).status_code == 404
    assert shopper.get(reverse("enterprises:detail", kwargs={"slug": enterprise.slug})).status_code == 404
    assert shop.get(reverse("dashboard:index")).status_code in (302, 403)

    history = [(c.from_status, c.to_status) for c in enterprise.status_changes.order_by("pk")]
    assert history == [
        (EnterpriseStatus.DRAFT, EnterpriseStatus.SUBMITTED),
        (EnterpriseStatus.SUBMITTED, EnterpriseStatus.CHANGES_REQUESTED),
        (EnterpriseStatus.CHANGES_REQUESTED, EnterpriseStatus.SUBMITTED),
        (EnterpriseStatus.SUBMITTED, EnterpriseStatus.APPROVED),
        (EnterpriseStatus.APPROVED, EnterpriseStatus.SUSPENDED),
    ]


def test_enterprise_staff_find_their_profile_in_the_dashboard_menu(client, vendor1, reviewer):
    client.force_login(vendor1)
    assert reverse("enterprises:profile") in client.get(reverse("dashboard:index")).content.decode()
    client.force_login(reviewer)
    assert reverse("enterprises:profile") not in client.get(reverse("dashboard:index")).content.decode()


def test_a_basket_holding_a_suspended_enterprises_product_cannot_be_checked_out(
    client, shopper, vendor1, reviewer
):
    from vendors.review import move

    product = Product.objects.browsable().filter(stockrecords__partner__users=vendor1).first()
    client.force_login(shopper)
    client.post(reverse("basket:add", args=[product.pk]), {"quantity": 1})
    move(vendor1.partners.get(), EnterpriseStatus.SUSPENDED, by=reviewer, reason="Kiểm tra chất lượng.")
    basket_page = client.get(reverse("basket:summary"))
    assert basket_page.status_code == 200
    response = client.get(reverse("checkout:index"), follow=True)
    assert response.redirect_chain and response.redirect_chain[-1][0] == reverse("basket:summary")
    assert [m for m in response.context["messages"] if m.level >= WARNING], "the shopper is told why"
