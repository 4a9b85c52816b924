"""The monthly province report as a PDF: the console's figures and charts for one month, on paper.

Drawn by WeasyPrint from a print template; the text is set in Source Sans Pro (bundled by the
``font-source-sans-pro`` package, with every Vietnamese diacritic), DejaVu Sans as a fallback.
"""

import calendar
import datetime
import re
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone

from .figures import Period, province_figures

MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def month_period(text, today):
    """The period of ``yyyy-mm``, a month that has begun; None for anything else."""
    match = MONTH.match(text or "")
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (1 <= month <= 12 and year >= 2000):
        return None
    first = datetime.date(year, month, 1)
    if first > today:
        return None
    last = datetime.date(year, month, calendar.monthrange(year, month)[1])
    return Period(first, min(last, today))


def font_files():
    """``{weight: file URL}`` of the bundled Source Sans Pro, or {} when the package is missing."""
    try:
        import font_source_sans_pro
    except ImportError:
        return {}
    folder = Path(font_source_sans_pro.__file__).parent / "files"
    fonts = {"normal": folder / "SourceSansPro-Regular.ttf", "bold": folder / "SourceSansPro-Bold.ttf"}
    return {weight: path.as_uri() for weight, path in fonts.items() if path.exists()}


def report_pdf(period, request, charts):
    """The PDF's bytes for ``period``; ``charts`` draws the figures (the console's own charts)."""
    from weasyprint import HTML

    figures = province_figures(period, today=timezone.localdate())
    html = render_to_string(
        "oscar/dashboard/province/report.html",
        {
            "figures": figures,
            "sales": figures.sales,
            "charts": charts(figures),
            "fonts": font_files(),
            "generated": timezone.localtime(),
        },
        request=request,
    )
    return HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
