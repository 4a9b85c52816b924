"""Date, time and number formats per language (FORMAT_MODULE_PATH): one way of writing a date in each.

Templates say ``{{ value|date }}`` or ``|date:"SHORT_DATE_FORMAT"`` and code says
``django.utils.formats.date_format``; nobody writes a format by hand, so a page never shows
``03-12-2026`` next to ``3rd Tháng 12 2026``.
"""
