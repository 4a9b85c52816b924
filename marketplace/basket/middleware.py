from django.conf import settings
from django.core.signing import BadSignature, Signer
from oscar.apps.basket.middleware import BasketMiddleware as OscarBasketMiddleware
from oscar.core.loading import get_model

from .models import with_voucher_flag
from .offers import KeptSiteOffers

Basket = get_model("basket", "Basket")


class BasketMiddleware(OscarBasketMiddleware):
    """Oscar's basket middleware that writes nothing to show a page and keeps a guest's basket during payment.

    Oscar creates a signed-in shopper's basket on the first page that
    mentions it. Here an empty basket stays unsaved until a product is
    added (Oscar's ``Basket.add_product`` saves it), so a GET writes nothing;
    and a signed-in shopper's basket is found in one query; the site's offers are those kept
    (``offers.KeptSiteOffers``).

    While a card payment is pending the basket is frozen; Oscar would drop a guest's
    cookie for it. It is kept instead, so the basket comes back if the payment fails
    (``marketplace.payment.outcomes.payment_failed`` thaws it), unless the guest starts a new one.
    """

    def get_basket(self, request):
        if request._basket_cache is None and self._is_signed_in_without_cookie(request):
            # One query finds the shopper's open basket, or that there is none; Oscar's own
            # lookup (merging several open baskets) runs only when there are several.
            baskets = list(with_voucher_flag(Basket.open.filter(owner=request.user))[:2])
            if len(baskets) < 2:
                basket = baskets[0] if baskets else Basket(owner=request.user)
                basket.note_vouchers()
                basket.owner = request.user  # no query when the page reads the owner
                request._basket_cache = basket
        return super().get_basket(request)

    def apply_offers_to_basket(self, request, basket):
        # Every page applies the site's offers to the mini basket: they are kept, not asked for.
        if not basket.is_empty:
            KeptSiteOffers().apply(basket, request.user, request)

    def _is_signed_in_without_cookie(self, request):
        return request.user.is_authenticated and not request.COOKIES.get(self.get_cookie_key(request))

    def get_cookie_basket(self, cookie_key, request, manager):
        basket = self._oscars_cookie_basket(cookie_key, request)
        if (
            basket is None
            and cookie_key in request.cookies_to_delete
            and self._cookie_basket_is_frozen(request)
        ):
            request.cookies_to_delete.remove(cookie_key)
        return basket

    @staticmethod
    def _oscars_cookie_basket(cookie_key, request):
        """Oscar's ``get_cookie_basket``, the basket knowing whether it holds a voucher."""
        basket = None
        if cookie_key in request.COOKIES:
            try:
                basket_id = Signer().unsign(request.COOKIES[cookie_key])
                basket = with_voucher_flag(Basket.objects).get(pk=basket_id, owner=None, status=Basket.OPEN)
            except (BadSignature, Basket.DoesNotExist):
                request.cookies_to_delete.append(cookie_key)
            else:
                basket.note_vouchers()
        return basket

    def process_response(self, request, response):
        response = super().process_response(request, response)
        basket = getattr(request, "_basket_cache", None)
        cookie_key = self.get_cookie_key(request)
        if (
            basket is not None
            and basket.id
            and not request.user.is_authenticated
            and cookie_key in request.COOKIES
            and self._cookie_basket_id(request, cookie_key) != str(basket.id)
        ):
            # A guest who started a new basket while the old one was frozen: follow the new one.
            response.set_cookie(
                cookie_key,
                self.get_basket_hash(basket.id),
                max_age=settings.OSCAR_BASKET_COOKIE_LIFETIME,
                secure=settings.OSCAR_BASKET_COOKIE_SECURE,
                httponly=True,
            )
        return response

    def _cookie_basket_id(self, request, cookie_key):
        try:
            return Signer().unsign(request.COOKIES.get(cookie_key, ""))
        except BadSignature:
            return None

    def _cookie_basket_is_frozen(self, request):
        basket_id = self._cookie_basket_id(request, self.get_cookie_key(request))
        return (
            bool(basket_id) and Basket.objects.filter(pk=basket_id, owner=None, status=Basket.FROZEN).exists()
        )
