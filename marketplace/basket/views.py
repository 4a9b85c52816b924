"""The basket page, grouped by the enterprise that will ship each part."""

from oscar.apps.basket import views
from oscar.core.loading import get_class

basket_groups = get_class("basket.groups", "basket_groups")


class BasketView(views.BasketView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        groups = basket_groups(self.request.basket)
        forms = {form.instance.pk: (index, form) for index, form in enumerate(context["formset"])}
        context["basket_groups"] = [
            (group, [(*forms[line.pk], problem) for line, problem in group.entries() if line.pk in forms])
            for group in groups
        ]
        context["can_check_out"] = all(group.can_check_out for group in groups)
        return context
