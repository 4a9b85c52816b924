"""Lighthouse run on one address, and what its JSON report says: four scores and the audits that fail.

Mobile form factor and Lighthouse's default (simulated) throttling, in headless Debian Chromium;
the binary is the one package.json pins (node_modules/.bin/lighthouse).
"""

import json
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless=new --no-sandbox"
CHROMIUM = "/usr/bin/chromium"
FAILING_BELOW = 0.9  # Lighthouse's own green
SCORED_MODES = ("binary", "numeric", "metricSavings")
RUN_SECONDS = 240


class LighthouseFailed(Exception):
    """Lighthouse could not measure the page; the message holds its last words."""


@dataclass
class Failing:
    id: str
    title: str
    score: float
    detail: str  # Lighthouse's display value, or how many elements/resources it names


@dataclass
class Measured:
    scores: dict  # category -> 0..100
    failing: list = field(default_factory=list)  # Failing, worst first
    console_errors: list = field(default_factory=list)


def lighthouse_binary():
    return Path(settings.BASE_DIR) / "node_modules" / ".bin" / "lighthouse"


def run(url, report_path, chromium=CHROMIUM):
    """Lighthouse on ``url``; its JSON report is written to ``report_path`` and read back."""
    command = [
        str(lighthouse_binary()),
        url,
        "--output=json",
        f"--output-path={report_path}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-path={chromium}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--quiet",
    ]
    try:
        finished = subprocess.run(command, capture_output=True, text=True, timeout=RUN_SECONDS)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise LighthouseFailed(f"{url}: {error}") from None
    if finished.returncode != 0 or not Path(report_path).exists():
        raise LighthouseFailed(f"{url}: exit {finished.returncode}\n{finished.stderr[-2000:]}")
    return read(json.loads(Path(report_path).read_text()))


def read(report):
    """The scores (0 to 100) and the scored audits under Lighthouse's green, from a JSON report."""
    if report.get("runtimeError"):
        raise LighthouseFailed(report["runtimeError"].get("message", "runtime error"))
    categories = report["categories"]
    scores = {
        name: round(categories[name]["score"] * 100) if categories[name]["score"] is not None else None
        for name in CATEGORIES
        if name in categories
    }
    audits = report["audits"]
    referenced = {ref["id"] for name in scores for ref in categories[name]["auditRefs"]}
    failing = [
        Failing(key, audits[key]["title"], audits[key]["score"], _detail(audits[key]))
        for key in sorted(referenced)
        if audits[key].get("scoreDisplayMode") in SCORED_MODES
        and audits[key].get("score") is not None
        and audits[key]["score"] < FAILING_BELOW
    ]
    failing.sort(key=lambda audit: (audit.score, audit.id))
    console = audits.get("errors-in-console", {}).get("details", {}).get("items", [])
    return Measured(scores, failing, [item.get("description", "") for item in console])


def _detail(audit):
    if audit.get("displayValue"):
        return audit["displayValue"]
    items = (audit.get("details") or {}).get("items") or []
    return f"{len(items)} items" if items else ""
