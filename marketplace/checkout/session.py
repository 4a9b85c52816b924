"""Checkout pre-conditions and helpers, for a basket that leaves as one parcel per enterprise.

Every order needs an address (couriers and cash on delivery both need one), a delivery
choice for each enterprise's parcel and a registered way of paying.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from oscar.apps.checkout import exceptions, session
from oscar.core.loading import get_class, get_model

from marketplace.payment.gateways import available_gateways

Repository = get_class("shipping.repository", "Repository")
ParcelShipping = get_class("shipping.methods", "ParcelShipping")
ShippingAddress = get_model("order", "ShippingAddress")


class CheckoutSessionMixin(session.CheckoutSessionMixin):
    def get_shipping_address(self, basket):
        addr_data = self.checkout_session.new_shipping_address_fields()
        if addr_data:
            return ShippingAddress(**addr_data)
        addr_id = self.checkout_session.shipping_user_address_id()
        if addr_id and self.request.user.is_authenticated:
            address = self.request.user.addresses.filter(pk=addr_id, commune__isnull=False).first()
            if address is not None:
                shipping_address = ShippingAddress()
                address.populate_alternative_model(shipping_address)
                return shipping_address
        return None

    def get_shipping_method(self, basket, shipping_address=None, **kwargs):
        """The parcels' delivery as chosen, or None when a choice is missing or no longer offered."""
        if self.checkout_session.shipping_method_code(basket) != ParcelShipping.code:
            return None
        return Repository().parcel_shipping(basket, self.checkout_session.parcel_shipping_choices())

    def get_gateway(self):
        """The way of paying the shopper chose, or None if it is not offered now (card without keys)."""
        return available_gateways().get(self.checkout_session.payment_method() or "")

    # Pre-conditions

    def check_shipping_data_is_captured(self, request):
        self.check_a_valid_shipping_address_is_captured()
        self.check_a_valid_shipping_method_is_captured()

    def check_payment_data_is_captured(self, request):
        if self.get_gateway() is None:
            raise exceptions.FailedPreCondition(
                url=reverse("checkout:payment-method"), message=_("Please choose how you would like to pay.")
            )

    # The preview and the placement use the same submission.

    def build_submission(self, **kwargs):
        submission = super().build_submission(**kwargs)
        submission["payment_kwargs"]["gateway"] = self.get_gateway()
        return submission
