import oscar.apps.catalogue.reviews.apps as apps


class CatalogueReviewsConfig(apps.CatalogueReviewsConfig):
    """Oscar's product reviews, written only by shoppers whose parcel with the product was delivered."""

    name = "catalogue.reviews"

    def ready(self):
        super().ready()
        from . import invitations  # noqa: F401  (connects the invitation to parcel deliveries)
