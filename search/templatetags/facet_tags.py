"""The facet sidebar's options, written in Python: a results page lists a hundred of them, and
one template include each was half the time of a first render."""

from django import template
from django.utils.formats import localize
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = template.Library()

CURRENT = mark_safe(' aria-current="true"')

OPTION = (
    '<li><a class="facet-option facet-option--depth-{}{}" href="{}" rel="nofollow"{}>'
    '<span class="facet-option__box" aria-hidden="true"></span>'
    '<span class="facet-option__label">{}</span>'
    '<span class="facet-option__count">{}</span>{}</a></li>'
)


@register.simple_tag
def facet_options(options):
    """``<li>`` links for ``options`` (``search.refinements.Option``), a selected one marked."""
    note = gettext("(selected; choose again to remove)")
    selected_note = format_html('<span class="sr-only">{}</span>', note)
    return format_html_join(
        "\n",
        OPTION,
        (
            (
                option.depth,
                " facet-option--selected" if option.selected else "",
                option.url,
                CURRENT if option.selected else "",
                option.label,
                localize(option.count),
                selected_note if option.selected else "",
            )
            for option in options
        ),
    )
