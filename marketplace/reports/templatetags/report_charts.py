from django import template

from marketplace.reports.charts import vietnamese_number

register = template.Library()


@register.inclusion_tag("reports/chart.html")
def chart(chart):
    """Draw a :class:`marketplace.reports.charts.Chart` with its table for screen readers."""
    return {"chart": chart}


@register.filter
def grouped(value):
    """A whole number as it is written in Vietnamese, in every language: 98.011."""
    if value in (None, ""):
        return value
    return vietnamese_number(value)
