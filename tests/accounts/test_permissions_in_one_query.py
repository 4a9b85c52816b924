"""The menu asks a signed-in user's permissions on every page: their own, their groups' and the
dashboard access that approved enterprises' staff hold come in one query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def permissions_asked(user, *perms):
    with CaptureQueriesContext(connection) as queries:
        answers = [user.has_perm(perm) for perm in perms]
    return answers, len(queries)


def test_an_enterprises_staff_has_dashboard_access_from_the_one_query(vendor1, django_user_model):
    user = django_user_model.objects.get(pk=vendor1.pk)
    answers, queries = permissions_asked(
        user, "partner.dashboard_access", "partner.review_enterprises", "wagtailadmin.access_admin"
    )
    assert answers == [True, False, False]
    assert queries == 1


def test_a_shopper_has_no_dashboard_access_and_is_asked_once(shopper, django_user_model):
    user = django_user_model.objects.get(pk=shopper.pk)
    answers, queries = permissions_asked(user, "partner.dashboard_access", "wagtailadmin.access_admin")
    assert answers == [False, False]
    assert queries == 1
