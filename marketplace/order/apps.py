import oscar.apps.order.apps as apps


class OrderConfig(apps.OrderConfig):
    name = "marketplace.order"

    def ready(self):
        super().ready()
        from . import parcel_news  # noqa: F401  (connects the shopper's news to parcel moves)
