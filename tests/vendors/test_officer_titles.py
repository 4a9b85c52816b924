"""The Department names each reviewer's unit and role in Django admin; public evidence signs with them."""

import pytest
from django.urls import reverse

from vendors.models import OfficerTitle

pytestmark = pytest.mark.django_db


def test_an_administrator_gives_a_reviewer_a_public_unit_and_role(client, admin_user, reviewer):
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:partner_officertitle_add"),
        {"user": reviewer.pk, "unit": "Phòng Quản lý Thương mại", "role": "Phó Trưởng phòng"},
    )
    assert response.status_code == 302
    title = reviewer.officer_title
    assert (title.unit, title.role) == ("Phòng Quản lý Thương mại", "Phó Trưởng phòng")
    assert str(title) == "Phòng Quản lý Thương mại, Phó Trưởng phòng"


def test_a_reviewer_has_one_public_title(client, admin_user, reviewer):
    OfficerTitle.objects.create(user=reviewer, role="Chuyên viên")
    client.force_login(admin_user)
    response = client.post(reverse("admin:partner_officertitle_add"), {"user": reviewer.pk, "role": "Khác"})
    assert response.status_code == 200 and response.context["adminform"].form.errors
    assert OfficerTitle.objects.get(user=reviewer).role == "Chuyên viên"


def test_enterprise_staff_cannot_set_titles(client, vendor1):
    client.force_login(vendor1)
    assert client.get(reverse("admin:partner_officertitle_changelist")).status_code in (302, 403)
