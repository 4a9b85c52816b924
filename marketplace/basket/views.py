"""The basket page, grouped by the enterprise that will ship each part."""

from django.forms.formsets import MAX_NUM_FORM_COUNT, MIN_NUM_FORM_COUNT
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

    def remove_deleted_forms(self, formset):
        # Oscar copies the posted counts of the list's forms when it removes a line; a post
        # without them (not the page's own) was a 500. The formset's own are used instead.
        data = formset.data.copy()
        data.setdefault(formset.add_prefix(MIN_NUM_FORM_COUNT), str(formset.min_num))
        data.setdefault(formset.add_prefix(MAX_NUM_FORM_COUNT), str(formset.max_num))
        formset.data = data
        super().remove_deleted_forms(formset)
