"""Dashboard access for enterprise staff, derived from the enterprise's status.

Nobody is granted ``partner.dashboard_access`` by hand: staff of an approved
enterprise have it, and lose it the moment the Department suspends the
enterprise, without anyone editing permissions.
"""

from django.contrib.auth.backends import BaseBackend

from .models import EnterpriseStatus

DASHBOARD_ACCESS = "partner.dashboard_access"


class EnterpriseStaffBackend(BaseBackend):
    def has_perm(self, user_obj, perm, obj=None):
        if perm != DASHBOARD_ACCESS or not user_obj.is_active or user_obj.is_anonymous:
            return False
        if not hasattr(user_obj, "_approved_enterprise_staff"):
            user_obj._approved_enterprise_staff = user_obj.partners.filter(
                status=EnterpriseStatus.APPROVED
            ).exists()
        return user_obj._approved_enterprise_staff
