from oscar.apps.dashboard.catalogue import apps


class CatalogueDashboardConfig(apps.CatalogueDashboardConfig):
    """Oscar's product dashboard, with the facts of a provincial product on its form (see forms.py)."""

    name = "marketplace.dashboard.catalogue"
