from oscar.apps.basket.middleware import BasketMiddleware as OscarBasketMiddleware
from oscar.core.loading import get_model

Basket = get_model("basket", "Basket")


class BasketMiddleware(OscarBasketMiddleware):
    """Oscar's basket middleware that does not create a basket just to show a page.

    Oscar creates a signed-in shopper's basket on the first page that
    mentions it. Here an empty basket stays unsaved until a product is
    added (Oscar's ``Basket.add_product`` saves it), so a GET writes nothing.
    """

    def get_basket(self, request):
        if request._basket_cache is None and self._is_signed_in_without_baskets(request):
            request._basket_cache = Basket(owner=request.user)
        return super().get_basket(request)

    def _is_signed_in_without_baskets(self, request):
        return (
            request.user.is_authenticated
            and not request.COOKIES.get(self.get_cookie_key(request))
            and not Basket.open.filter(owner=request.user).exists()
        )
