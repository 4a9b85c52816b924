"""Checkout for a basket from several enterprises: address, a delivery per parcel, payment, preview.

Placing the order happens once per basket whatever the shopper's browser does: the
basket row is locked, an order already placed from it is shown again instead of a
second one, and the preview's fingerprint must match what is about to be placed.
Stock is allocated under row locks by the OrderCreator, then the chosen gateway
takes over: cash on delivery confirms the parcels at once, a card payment sends the
shopper to the payment page and the parcels wait for :mod:`marketplace.payment.outcomes`.
"""

import logging

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from oscar.apps.checkout import views
from oscar.core.loading import get_class, get_classes, get_model

from marketplace.invoicing import requests as invoice_requests
from marketplace.payment import card_payment, outcomes
from marketplace.payment.cash_instead import pay_on_delivery_instead
from marketplace.payment.gateways import PaymentOutcome, available_gateways, gateways, unavailable_gateways

from .awaiting import order_awaiting_card, resume_payment_url
from .fingerprint import submission_fingerprint

ShippingMethodForm, PaymentMethodForm = get_classes(
    "checkout.forms", ["ShippingMethodForm", "PaymentMethodForm"]
)
Repository = get_class("shipping.repository", "Repository")
CheckoutSessionData = get_class("checkout.utils", "CheckoutSessionData")
ParcelShipping = get_class("shipping.methods", "ParcelShipping")
UnableToPlaceOrder = get_class("order.exceptions", "UnableToPlaceOrder")
basket_groups = get_class("basket.groups", "basket_groups")
Applicator = get_class("offer.applicator", "Applicator")
Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")

logger = logging.getLogger("oscar.checkout")


class IndexView(views.IndexView):
    """The gateway: a returning customer's sign-in here is throttled like every login, which
    needs the request (marketplace.accounts.backends)."""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}


class ShippingAddressView(views.ShippingAddressView):
    skip_conditions = []  # every order needs an address: couriers and cash on delivery

    def get_available_addresses(self):
        # Address-book entries from before the 2025 units have no commune: they cannot be used as they are.
        return super().get_available_addresses().filter(province__isnull=False, commune__isnull=False)

    def post(self, request, *args, **kwargs):
        if "address_id" in request.POST and request.user.is_authenticated:
            if not self.get_available_addresses().filter(pk=request.POST.get("address_id") or 0).exists():
                messages.error(request, _("Please choose one of your addresses, or enter a new one."))
                return redirect("checkout:shipping-address")
            return super().post(request, *args, **kwargs)
        form = self.get_form()
        if form.is_province_change:
            # No JavaScript: the page comes back with the chosen province's communes, nothing judged yet.
            unjudged = self.get_form_class()(initial=request.POST.dict())
            return self.render_to_response(self.get_context_data(form=unjudged))
        return self.form_valid(form) if form.is_valid() else self.form_invalid(form)


class ShippingMethodView(views.ShippingMethodView):
    """One delivery choice per enterprise; skipped when every enterprise offers a single one."""

    success_url = reverse_lazy("checkout:payment-method")

    def get(self, request, *args, **kwargs):
        if not self.checkout_session.is_shipping_address_set():
            messages.error(request, _("Please choose a shipping address"))
            return redirect("checkout:shipping-address")
        if all(len(methods) == 1 for methods in self.get_methods().values()):
            self.store(Repository().parcel_shipping(request.basket))
            return self.get_success_response()
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if not form.is_valid():
            messages.error(request, _("Please choose how each enterprise delivers."))
            return self.render_to_response(self.get_context_data(form=form))
        shipping = Repository().parcel_shipping(request.basket, form.choices())
        if shipping is None:  # the basket changed while the page was open
            messages.error(request, _("Your basket changed: please choose the delivery again."))
            return redirect("checkout:shipping-method")
        self.store(shipping)
        return self.get_success_response()

    def store(self, shipping):
        choices = {str(enterprise_id): method.code for enterprise_id, method in shipping.chosen.items()}
        self.checkout_session.use_parcel_shipping(shipping.code, choices)

    def get_methods(self):
        if not hasattr(self, "_methods_by_enterprise"):
            repository, basket = Repository(), self.request.basket
            self._methods_by_enterprise = {
                group.enterprise.pk: repository.methods_for(basket, group.enterprise)
                for group in self.get_groups()
            }
        return self._methods_by_enterprise

    def get_groups(self):
        if not hasattr(self, "_groups"):
            basket = self.request.basket
            current = self.get_shipping_method(basket) or Repository().parcel_shipping(basket)
            self._groups = basket_groups(basket, current)
        return self._groups

    def get_form_class(self):
        return ShippingMethodForm

    def get_form_kwargs(self):
        kwargs = super(views.ShippingMethodView, self).get_form_kwargs()
        kwargs.update(groups=self.get_groups(), methods=self.get_methods())
        return kwargs

    def get_context_data(self, **kwargs):
        context = super(views.ShippingMethodView, self).get_context_data(**kwargs)
        basket = self.request.basket
        methods = self.get_methods()
        context["parcel_choices"] = [
            (group, field, [(method, method.calculate(basket)) for method in methods[group.enterprise.pk]])
            for group, field in context["form"].bound_fields()
        ]
        return context


class PaymentMethodView(views.PaymentMethodView):
    """The ways of paying that work now (a single one is chosen for the shopper); those that do
    not (card without Stripe's keys) are named with what to do instead, and refused if posted.

    Back from the card page, the order already placed is paid for here: by card again, or cash on
    delivery for that same order (:mod:`marketplace.payment.cash_instead`), never a second order.
    """

    template_name = "oscar/checkout/payment_method.html"
    success_url = reverse_lazy("checkout:preview")

    def dispatch(self, request, *args, **kwargs):
        if resume_url := resume_payment_url(request):  # a bank transfer's code to scan: back to it
            return redirect(resume_url)
        self.awaiting_order = order_awaiting_card(request)
        if self.awaiting_order is not None:
            self.checkout_session = CheckoutSessionData(request)
            if request.method == "POST":
                return self.pay_awaiting_order(request)
            return self.render_choice(PaymentMethodForm(gateways=available_gateways().values()))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        available = list(available_gateways().values())
        if len(available) == 1 and not unavailable_gateways():
            self.checkout_session.pay_by(available[0].code)
            return self.get_success_response()
        form = PaymentMethodForm(
            gateways=available, initial={"method": self.checkout_session.payment_method()}
        )
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        form = self.posted_form(request)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        self.checkout_session.pay_by(form.cleaned_data["method"])
        return self.get_success_response()

    def get_context_data(self, **kwargs):
        return super().get_context_data(unavailable=list(unavailable_gateways().values()), **kwargs)

    def posted_form(self, request):
        """The shopper's choice among the gateways that work; one that does not is refused plainly."""
        form = PaymentMethodForm(request.POST, gateways=available_gateways().values())
        refused = unavailable_gateways().get(request.POST.get("method", ""))
        if refused is not None:
            form.is_valid()
            form.errors.pop("method", None)
            form.add_error("method", refused.unavailable_message)
        return form

    # The order placed and waiting for its card

    def render_choice(self, form):
        return self.response_class(
            request=self.request,
            template=[self.template_name],
            context={
                "form": form,
                "awaiting_order": self.awaiting_order,
                "unavailable": list(unavailable_gateways().values()),
            },
            using=self.template_engine,
        )

    def pay_awaiting_order(self, request):
        order = self.awaiting_order
        form = self.posted_form(request)
        if not form.is_valid():
            return self.render_choice(form)
        if form.cleaned_data["method"] == "card":
            return redirect("payment:card", number=order.number)
        result = pay_on_delivery_instead(order, by=order.user)
        if result.status == card_payment.UNAVAILABLE:
            messages.error(request, result.message)
            return self.render_choice(form)
        if result.status == card_payment.CLOSED:
            messages.warning(request, result.message)
            return redirect("basket:summary")
        logger.info("Order #%s: cash on delivery instead of the card", order.number)
        self.checkout_session.flush()
        request.session["checkout_order_id"] = order.pk
        return redirect("checkout:thank-you")


class AlreadyPlaced(Exception):
    def __init__(self, order):
        self.order = order


class BasketChanged(Exception):
    pass


class PaymentDetailsView(views.PaymentDetailsView):
    """The preview (GET) and the placement (POST with ``action=place_order``)."""

    def get(self, request, *args, **kwargs):
        if not self.preview:  # no separate payment-details page: the choice is made on payment-method
            return redirect("checkout:preview")
        return super().get(request, *args, **kwargs)

    def dispatch(self, request, *args, **kwargs):
        if request.method == "GET" and order_awaiting_card(request) is not None:
            # Back from the card page (its basket is frozen, so it looks empty): pay that order.
            return redirect("checkout:payment-method")
        if request.method == "GET" and (resume_url := resume_payment_url(request)):
            return redirect(resume_url)  # the order awaits its bank transfer: back to its code
        if request.method == "POST" and request.POST.get("action") == "place_order":
            order = self.order_placed_in_this_session(request)
            if order is not None:  # a second click after the first one finished
                return self.show_placed_order(order)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        basket = context["basket"]
        shipping = context.get("shipping_method")
        context["basket_groups"] = basket_groups(basket, shipping) if shipping else []
        context["gateway"] = context["payment_kwargs"].get("gateway")
        if self.preview and shipping:
            context["fingerprint"] = submission_fingerprint(context, getattr(context["gateway"], "code", ""))
        return context

    # Placement

    def handle_place_order_submission(self, request):
        try:
            with transaction.atomic():
                order, submission = self.place_once(request)
        except AlreadyPlaced as placed:
            return self.show_placed_order(placed.order)
        except BasketChanged:
            return self.render_preview(
                request,
                error=_(
                    "Your basket, a price or your choices changed since you reviewed the order. "
                    "Nothing was ordered: please check the order below and place it again."
                ),
            )
        except UnableToPlaceOrder as error:
            logger.info("Basket #%s: order not placed (%s)", request.basket.id, error)
            return self.render_preview(request, error=str(error))
        return self.take_payment(
            order, submission["payment_kwargs"]["gateway"], submission["order_total"].incl_tax
        )

    def submit(self, **submission):
        with transaction.atomic():
            order = self.place(**submission)
        return self.take_payment(
            order, submission["payment_kwargs"]["gateway"], submission["order_total"].incl_tax
        )

    def place_once(self, request):
        """Under the basket's row lock: refuse a placed or changed basket, else place its order."""
        basket = request.basket
        if basket.pk is None:
            raise BasketChanged
        status = (
            Basket.objects.select_for_update().filter(pk=basket.pk).values_list("status", flat=True).first()
        )
        if status != Basket.OPEN:
            order = Order.objects.filter(basket_id=basket.pk).order_by("-pk").first()
            if order is None:
                raise BasketChanged
            raise AlreadyPlaced(order)
        basket._lines = None  # read the lines again, now that nobody else can place this basket
        Applicator().apply(basket, request.user, request)
        submission = self.build_submission(basket=basket)
        gateway = submission["payment_kwargs"]["gateway"]
        if submission["shipping_method"] is None or gateway is None:
            raise BasketChanged
        if request.POST.get("fingerprint") != submission_fingerprint(submission, gateway.code):
            raise BasketChanged
        return self.place(**submission), submission

    def place(
        self,
        user,
        basket,
        shipping_address,
        shipping_method,
        shipping_charge,
        billing_address,
        order_total,
        payment_kwargs,
        order_kwargs,
        surcharges=None,
    ):
        order_number = self.generate_order_number(basket)
        order = self.place_order(
            order_number=order_number,
            user=user,
            basket=basket,
            shipping_address=shipping_address,
            shipping_method=shipping_method,
            shipping_charge=shipping_charge,
            order_total=order_total,
            billing_address=billing_address,
            surcharges=surcharges,
            **order_kwargs,
        )
        self.freeze_basket(basket)
        invoice_requests.save_with_order(order, self.request.session)  # the buyer's VAT invoice details
        self.checkout_session.set_order_number(order_number)
        self.checkout_session.set_submitted_basket(basket)
        self.request.session["checkout_order_id"] = order.pk
        logger.info("Order #%s placed from basket #%s", order.number, basket.id)
        return order

    def take_payment(self, order, gateway, amount):
        """Hand the placed order to its gateway; where the shopper goes next depends on the outcome."""
        try:
            outcome = gateway.start(order, amount)
        except Exception:
            logger.exception("Order #%s: the %s gateway failed to start", order.number, gateway.code)
            outcome = PaymentOutcome(message=_("The payment could not be started. Nothing was charged."))
        if not (outcome.succeeded or outcome.pending):
            outcomes.payment_failed(order, outcome.message)  # stock back on sale, basket kept
            messages.error(
                self.request, outcome.message or _("The payment did not go through. Nothing was charged.")
            )
            return redirect("checkout:preview")
        if gateway.confirms_on_placement:  # cash on delivery: the parcels can be prepared at once
            outcomes.confirm(order, note=str(gateway.name), by=order.user)
            return self.handle_successful_order(order)
        if outcome.succeeded:
            outcomes.payment_succeeded(order, outcome.reference)
            return self.handle_successful_order(order)
        return redirect(outcome.redirect_url or reverse("checkout:thank-you"))

    def send_order_placed_email(self, order):
        # The shopper's and the enterprises' e-mails go out when the parcels are confirmed.
        pass

    # A second "Place order"

    def order_placed_in_this_session(self, request):
        order_id = request.session.get("checkout_order_id")
        basket_id = request.POST.get("basket_id")
        if not (order_id and basket_id and basket_id.isdigit()):
            return None
        # A basket open again (its payment failed) is a new attempt, not a repeated click.
        placed = Order.objects.filter(pk=order_id, basket_id=int(basket_id))
        return placed.exclude(basket__status=Basket.OPEN).first()

    def show_placed_order(self, order):
        """Where a repeated "Place order" lands: the order placed the first time, never a second one."""
        message = _("Your order %(number)s was already placed; it was placed only once.")
        messages.info(self.request, message % {"number": order.number})
        self.request.session["checkout_order_id"] = order.pk
        awaiting = order.parcels.filter(status=order.parcels.model.Status.AWAITING_PAYMENT).exists()
        # The gateway records itself on the order's payment source when it starts; a second click
        # that arrives before that uses the choice in this session.
        source = order.sources.select_related("source_type").first()
        gateway = gateways().get(source.source_type.code) if source else self.get_gateway()
        if awaiting and gateway is not None and not gateway.confirms_on_placement:
            outcome = gateway.start(order, order.total_incl_tax)
            if outcome.redirect_url:
                return redirect(outcome.redirect_url)
        return redirect(reverse("checkout:thank-you"))


class ThankYouView(views.ThankYouView):
    """The placed order as parcels, each with its status (awaiting payment until a card payment lands)."""

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        parcels = list(self.object.parcels.select_related("enterprise").order_by("number"))
        context["parcels"] = [(parcel, list(parcel.lines)) for parcel in parcels]
        context["awaiting_payment"] = any(
            parcel.status == parcel.Status.AWAITING_PAYMENT for parcel in parcels
        )
        return context
