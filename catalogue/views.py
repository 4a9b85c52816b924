from oscar.apps.catalogue.views import ProductDetailView as OscarProductDetailView

# The product page shows this many reviews; the rest are on the reviews page.
REVIEWS_SHOWN = 3


class ProductDetailView(OscarProductDetailView):
    """A product page exists for shoppers only while it is listed and an approved enterprise sells it."""

    def get_queryset(self):
        # The page, its badges and the strategy read the same facts many times: fetch them once.
        return self.model._default_manager.for_detail()

    def is_viewable(self, product, request):
        if not super().is_viewable(product, request):
            return False
        return request.user.is_staff or (product.is_listed and product.is_sold_by_approved_enterprise)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # With their authors and replies in the same query: each review shows its reviewer's name
        # and the enterprise's reply.
        context["approved_reviews"] = self.object.reviews.approved().select_related(
            "user", "reply__enterprise"
        )[:REVIEWS_SHOWN]
        return context

    # The stock alert is a region of the shopper's own, asked only when the product is out of
    # stock (``oscar/catalogue/partials/stock_alert.html``), not on every product page.
    def get_alert_status(self):
        return None

    def get_alert_form(self):
        return None
