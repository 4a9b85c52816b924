"""The checkout's session data, with each enterprise parcel's delivery choice."""

from oscar.apps.checkout import utils


class CheckoutSessionData(utils.CheckoutSessionData):
    def use_parcel_shipping(self, method_code, choices):
        """Store the basket's method code and the rate chosen per enterprise ({enterprise id: rate code})."""
        self.use_shipping_method(method_code)
        self._set("shipping", "parcel_choices", dict(choices))

    def parcel_shipping_choices(self):
        return self._get("shipping", "parcel_choices", {})
