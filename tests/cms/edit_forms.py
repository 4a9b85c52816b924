"""The data a page's edit form in the Wagtail admin posts, as an editor leaves it unchanged."""

from wagtail.fields import StreamField
from wagtail.test.utils.form_data import querydict_from_html


def edit_form_data(client, page):
    """The edit form's fields; StreamFields (drawn by the admin's scripts) posted empty."""
    data = querydict_from_html(
        client.get(f"/cms/pages/{page.pk}/edit/").content.decode(), form_id="page-edit-form"
    )
    for field in type(page)._meta.get_fields():
        if isinstance(field, StreamField) and f"{field.name}-count" not in data:
            data[f"{field.name}-count"] = "0"
    return data
