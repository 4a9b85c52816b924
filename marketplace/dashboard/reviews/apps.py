import oscar.apps.dashboard.reviews.apps as apps


class ReviewsDashboardConfig(apps.ReviewsDashboardConfig):
    """Oscar's reviews dashboard, where operators publish or hide reviews.

    Its pages need the reviews permissions, which enterprise staff never hold (they have
    ``partner.dashboard_access`` alone): an enterprise cannot hide what shoppers say of it.
    """

    name = "marketplace.dashboard.reviews"
