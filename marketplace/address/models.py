from oscar.apps.address.abstract_models import AbstractUserAddress

from .abstract_models import AdministrativeUnits


class UserAddress(AdministrativeUnits, AbstractUserAddress):
    class Meta(AbstractUserAddress.Meta):
        pass

    def validate_unique(self, exclude=None):
        # Oscar compares the address with its owner's others; without an owner (an admin form
        # posted without one) the form already says the owner is required, and Oscar's
        # comparison would fail reading it.
        if self.user_id is None:
            super(AbstractUserAddress, self).validate_unique(exclude)
        else:
            super().validate_unique(exclude)


from oscar.apps.address.models import *
