from oscar.apps.address.abstract_models import AbstractUserAddress

from .abstract_models import AdministrativeUnits


class UserAddress(AdministrativeUnits, AbstractUserAddress):
    class Meta(AbstractUserAddress.Meta):
        pass


from oscar.apps.address.models import *
