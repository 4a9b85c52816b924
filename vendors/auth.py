"""Dashboard access for enterprise staff, derived from the enterprise's status.

Nobody is granted ``partner.dashboard_access`` by hand: staff of an approved
enterprise have it, and lose it the moment the Department suspends the
enterprise, without anyone editing permissions.
"""

from django.contrib.auth.backends import BaseBackend
from django.db.models import CharField, Exists, OuterRef, Value

from marketplace.aggregates import joined, split

from .models import EnterpriseStatus, Partner

DASHBOARD_ACCESS = "partner.dashboard_access"


class EnterpriseStaffBackend(BaseBackend):
    # Its row in the permissions query (marketplace.accounts.backends.PermissionsInOneQuery).
    derived_permission_kind = "enterprise-staff"

    def derived_permission_rows(self, user_obj):
        """(app label, codename, kind) of dashboard access, once per approved enterprise the user staffs."""
        app_label, codename = DASHBOARD_ACCESS.split(".")
        rows = user_obj.partners.filter(status=EnterpriseStatus.APPROVED)
        return rows.values_list(
            Value(app_label, output_field=CharField()),
            Value(codename, output_field=CharField()),
            Value(self.derived_permission_kind, output_field=CharField()),
        )

    def user_annotations(self):
        """What the signed-in user's one query carries (marketplace.accounts.backends.EmailBackend):
        the enterprises the user is staff of, and whether one of them is approved."""
        staff = Partner.users.through.objects.filter(user=OuterRef("pk"))
        return {
            "staff_enterprises": joined(staff, "partner_id"),
            "approved_enterprise_staff": Exists(staff.filter(partner__status=EnterpriseStatus.APPROVED)),
        }

    def user_loaded(self, user_obj):
        user_obj.staff_enterprise_ids = split(user_obj.staff_enterprises, int)
        user_obj._approved_enterprise_staff = user_obj.approved_enterprise_staff

    def derived_permissions_loaded(self, user_obj, names):
        user_obj._approved_enterprise_staff = DASHBOARD_ACCESS in names

    def has_perm(self, user_obj, perm, obj=None):
        if perm != DASHBOARD_ACCESS or not user_obj.is_active or user_obj.is_anonymous:
            return False
        if not hasattr(user_obj, "_approved_enterprise_staff"):
            user_obj._approved_enterprise_staff = user_obj.partners.filter(
                status=EnterpriseStatus.APPROVED
            ).exists()
        return user_obj._approved_enterprise_staff
