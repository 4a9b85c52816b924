"""`manage.py measure_pages`: what it reads from Lighthouse's reports and what it refuses.

Lighthouse itself is not run here (a minute a page); the command is the measurement.
"""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from marketplace.demo.lighthouse import audits
from marketplace.demo.management.commands.measure_pages import median


def report(performance=0.97, accessibility=1.0, **audit_scores):
    """A Lighthouse JSON report cut down to what the command reads."""
    audit_ids = {"unsized-images": ("binary", None), "errors-in-console": ("binary", None)}
    audit_ids |= {name: ("binary", score) for name, score in audit_scores.items()}
    audits_ = {
        name: {
            "id": name,
            "title": name.replace("-", " ").capitalize(),
            "scoreDisplayMode": mode,
            "score": score,
        }
        for name, (mode, score) in audit_ids.items()
    }
    audits_["unsized-images"]["score"] = audit_scores.get("unsized-images", 1)
    audits_["unsized-images"]["details"] = {"items": [{"url": "/a.jpg"}, {"url": "/b.jpg"}]}
    audits_["errors-in-console"]["score"] = 1
    audits_["largest-contentful-paint"] = {
        "id": "largest-contentful-paint",
        "title": "Largest Contentful Paint",
        "scoreDisplayMode": "numeric",
        "score": 0.5,
        "displayValue": "4.1 s",
    }
    audits_["diagnostics"] = {"id": "diagnostics", "title": "Diagnostics", "scoreDisplayMode": "informative"}
    refs = [{"id": name} for name in audits_]
    categories = {
        "performance": {"score": performance, "auditRefs": refs},
        "accessibility": {"score": accessibility, "auditRefs": []},
        "best-practices": {"score": 1.0, "auditRefs": []},
        "seo": {"score": 0.92, "auditRefs": []},
    }
    return {"categories": categories, "audits": audits_}


def test_scores_are_read_as_percentages():
    measured = audits.read(report())
    assert measured.scores == {"performance": 97, "accessibility": 100, "best-practices": 100, "seo": 92}


def test_failing_audits_are_listed_worst_first_with_what_lighthouse_counted():
    measured = audits.read(report(**{"unsized-images": 0}))
    assert [(audit.id, audit.detail) for audit in measured.failing] == [
        ("unsized-images", "2 items"),
        ("largest-contentful-paint", "4.1 s"),
    ]


def test_passing_and_informative_audits_are_not_listed():
    assert [audit.id for audit in audits.read(report()).failing] == ["largest-contentful-paint"]


def test_a_page_lighthouse_could_not_load_is_an_error_not_a_score():
    with pytest.raises(audits.LighthouseFailed, match="NO_FCP"):
        audits.read({"runtimeError": {"code": "NO_FCP", "message": "NO_FCP: the page did not paint"}})


def test_the_median_run_by_performance_is_kept():
    runs = [audits.read(report(performance=score)) for score in (0.80, 0.99, 0.91)]
    assert median(runs).scores["performance"] == 91


def test_a_missing_chromium_is_named(tmp_path):
    with pytest.raises(CommandError, match="No Chromium"):
        call_command("measure_pages", chromium=str(tmp_path / "chromium"), database_dir=tmp_path)


def test_runs_must_be_at_least_one(tmp_path):
    with pytest.raises(CommandError, match="--runs"):
        call_command("measure_pages", runs=0, database_dir=tmp_path)
