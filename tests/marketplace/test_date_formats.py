"""A date is written one way per language, from the locale formats, never by hand."""

import datetime
import re
from pathlib import Path

import pytest
from django import forms
from django.conf import settings
from django.template import Context, Template
from django.utils import formats, timezone, translation

ROOT = Path(settings.BASE_DIR)
DAY = datetime.date(2026, 12, 3)
MOMENT = datetime.datetime(2026, 12, 3, 14, 30)
# Machine formats: spreadsheet cells, calendar files, <time datetime>, cache keys, URLs.
MACHINE = {"marketplace/reports/exports.py", "cms/icalendar.py"}
MACHINE_FORMATS = {"c", "Y-m-d", "Y-m", "U"}
HAND_WRITTEN = [
    re.compile(r"\.strftime\("),
    re.compile(r"\{[\w.]+:%[^}]*/[^}]*\}"),  # f"{when:%d/%m/%Y}" (file names and codes are machine's)
    re.compile(r"""\|date:["']([^"']*)["']"""),
    re.compile(r"""\{% now ["']([^"']*)["']"""),
]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_date_format_writes_day_month_year(language):
    with translation.override(language):
        for name in ("DATE_FORMAT", "SHORT_DATE_FORMAT"):
            assert formats.date_format(DAY, name) == "03/12/2026"
        for name in ("DATETIME_FORMAT", "SHORT_DATETIME_FORMAT"):
            assert formats.date_format(MOMENT, name) == "03/12/2026 14:30"
        assert formats.date_format(DAY, "YEAR_MONTH_FORMAT") == "12/2026"
        assert Template("{{ day|date }}").render(Context({"day": DAY})) == "03/12/2026"


@pytest.mark.parametrize("language", ["vi", "en"])
def test_forms_read_dates_as_they_are_written(language):
    field = forms.DateField()
    with translation.override(language):
        assert field.clean("03/12/2026") == DAY
        assert field.clean("2026-12-03") == DAY
        with pytest.raises(forms.ValidationError):
            field.clean("12/31/2026")


def test_wagtails_date_pickers_write_what_the_forms_read():
    with translation.override("vi"):
        assert settings.WAGTAIL_DATE_FORMAT in formats.get_format("DATE_INPUT_FORMATS")
        assert settings.WAGTAIL_DATETIME_FORMAT in formats.get_format("DATETIME_INPUT_FORMATS")
        assert timezone.datetime.strptime("03/12/2026", settings.WAGTAIL_DATE_FORMAT).date() == DAY


def _sources():
    for app in ("marketplace", "catalogue", "vendors", "cms", "search", "places"):
        for path in (ROOT / app).rglob("*"):
            kept = path.suffix in (".py", ".html", ".txt") and "migrations" not in path.parts
            if kept and "formats" not in path.relative_to(ROOT).parts[:2]:
                yield path


def test_no_date_is_formatted_by_hand():
    found = []
    for path in _sources():
        name = str(path.relative_to(ROOT))
        if name in MACHINE:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for pattern in HAND_WRITTEN:
                for match in pattern.finditer(line):
                    named = match.groups() and (match.group(1).isupper() or match.group(1) in MACHINE_FORMATS)
                    if not named and "isoformat" not in line:
                        found.append(f"{name}:{number}: {line.strip()}")
    assert found == []


@pytest.mark.django_db
def test_a_story_shows_its_date_in_the_locale_format(client):
    from cms.models import StoryPage

    story = StoryPage.objects.live().order_by("pk").first()
    html = client.get(story.url).content.decode()
    assert formats.date_format(story.date, "DATE_FORMAT") in html
    assert story.date.strftime("%d-%m-%Y") not in html
