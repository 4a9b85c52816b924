from django import template

register = template.Library()


@register.inclusion_tag("reports/chart.html")
def chart(chart):
    """Draw a :class:`marketplace.reports.charts.Chart` with its table for screen readers."""
    return {"chart": chart}
