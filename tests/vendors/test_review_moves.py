"""Only the review moves the Department's process names are possible, and each is kept."""

from itertools import product as pairs

import pytest
from django.core.exceptions import ValidationError
from oscar.core.loading import get_model

from vendors.models import EnterpriseStatus
from vendors.review import MOVES, NEEDS_REASON, move

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.django_db

ALLOWED = {
    (EnterpriseStatus.DRAFT, EnterpriseStatus.SUBMITTED),
    (EnterpriseStatus.SUBMITTED, EnterpriseStatus.APPROVED),
    (EnterpriseStatus.SUBMITTED, EnterpriseStatus.CHANGES_REQUESTED),
    (EnterpriseStatus.SUBMITTED, EnterpriseStatus.REJECTED),
    (EnterpriseStatus.CHANGES_REQUESTED, EnterpriseStatus.SUBMITTED),
    (EnterpriseStatus.APPROVED, EnterpriseStatus.SUSPENDED),
    (EnterpriseStatus.SUSPENDED, EnterpriseStatus.APPROVED),
}


def an_enterprise(status):
    return Partner.objects.create(name=f"Hộ kinh doanh thử {status}", slug=f"thu-{status}", status=status)


def test_the_move_table_is_exactly_the_process():
    assert {(a, b) for a, targets in MOVES.items() for b in targets} == ALLOWED


@pytest.mark.parametrize(("from_status", "to_status"), sorted(ALLOWED))
def test_each_allowed_move_is_made_and_recorded(from_status, to_status, reviewer):
    enterprise = an_enterprise(from_status)
    change = move(enterprise, to_status, by=reviewer, reason="Hồ sơ đã được xem xét.")
    enterprise.refresh_from_db()
    assert enterprise.status == to_status
    assert (change.from_status, change.to_status, change.changed_by) == (from_status, to_status, reviewer)
    assert list(enterprise.status_changes.all()) == [change]


@pytest.mark.parametrize(
    ("from_status", "to_status"),
    sorted(set(pairs(EnterpriseStatus.values, EnterpriseStatus.values)) - ALLOWED),
)
def test_every_other_move_is_refused_and_changes_nothing(from_status, to_status, reviewer):
    enterprise = an_enterprise(from_status)
    with pytest.raises(ValidationError) as refusal:
        move(enterprise, to_status, by=reviewer, reason="Lý do")
    assert refusal.value.code == "move_not_allowed"
    enterprise.refresh_from_db()
    assert enterprise.status == from_status
    assert not enterprise.status_changes.exists()


@pytest.mark.parametrize("to_status", sorted(NEEDS_REASON))
def test_rejecting_asking_for_changes_and_suspending_need_a_reason(to_status, reviewer):
    start = (
        EnterpriseStatus.APPROVED if to_status == EnterpriseStatus.SUSPENDED else EnterpriseStatus.SUBMITTED
    )
    enterprise = an_enterprise(start)
    with pytest.raises(ValidationError) as refusal:
        move(enterprise, to_status, by=reviewer, reason="   ")
    assert refusal.value.code == "reason_required"
    enterprise.refresh_from_db()
    assert enterprise.status == start


def test_suspension_hides_products_at_once_and_reapproval_restores_them(vendor1, reviewer):
    enterprise = vendor1.partners.get()
    products = set(Product.objects.filter(stockrecords__partner=enterprise))
    assert products <= set(Product.objects.browsable())
    move(enterprise, EnterpriseStatus.SUSPENDED, by=reviewer, reason="Sản phẩm bị phản ánh về chất lượng.")
    assert not products & set(Product.objects.browsable())
    move(enterprise, EnterpriseStatus.APPROVED, by=reviewer)
    assert products <= set(Product.objects.browsable())
