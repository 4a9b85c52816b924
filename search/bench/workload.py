"""The fixed query mix and how one search engine is measured on it."""

import random
import resource
import statistics
import sys
import time
import tracemalloc
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection, transaction
from django.db.models.functions import Coalesce
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from ..query import BadgeKind, ProductQuery, Sort

StockRecord = get_model("partner", "StockRecord")


def query_mix(values):
    """What shoppers do, in proportion: words with and without diacritics, filters, sorts, deep pages."""
    return [
        ("everything", ProductQuery()),
        ("mat ong", ProductQuery(text="mat ong")),
        ("Mật ong rừng", ProductQuery(text="Mật ong rừng")),
        ("nuoc mam ca com", ProductQuery(text="nuoc mam ca com")),
        ("NƯỚC MẮM, 4★+", ProductQuery(text="NƯỚC MẮM", min_stars=4)),
        (
            "tra + sector + in stock",
            ProductQuery(text="tra", category_ids=values["sector_ids"], in_stock=True),
        ),
        (
            "ca phe, 100-500k, price up",
            ProductQuery(
                text="ca phe", price_min=Decimal(100_000), price_max=Decimal(500_000), sort=Sort.PRICE_ASC
            ),
        ),
        (
            "province + traceable",
            ProductQuery(province_codes=(values["province_code"],), badges=(BadgeKind.TRACEABLE,)),
        ),
        ("tieu, newest", ProductQuery(text="tieu", sort=Sort.NEWEST)),
        ("best rated, page 40", ProductQuery(sort=Sort.RATING, page=40)),
        ("gao, page 20", ProductQuery(text="gao", page=20)),
        ("storefront", ProductQuery(enterprise_ids=(values["enterprise_id"],))),
        ('FTS syntax: "mat ong" NEAR -', ProductQuery(text='"mat ong" NEAR - * :')),
        ("no hits", ProductQuery(text="xyzzyq")),
    ]


@dataclass
class Figures:
    name: str
    latencies_ms: list = field(default_factory=list)
    queries: list = field(default_factory=list)
    hits: dict = field(default_factory=dict)  # query label -> total
    per_query_ms: dict = field(default_factory=dict)  # query label -> [ms]
    peak_bytes: int = 0
    note: str = ""

    def percentile(self, p):
        ordered = sorted(self.latencies_ms)
        if not ordered:
            return float("nan")
        if len(ordered) == 1:
            return ordered[0]
        return statistics.quantiles(ordered, n=100, method="inclusive")[p - 1]


def measure(name, search, mix, runs, before_each=None, warm_up=True, memory=True, progress=None):
    """Run every query of the mix ``runs`` times (after one warm-up pass); ``search`` returns a total.

    ``before_each`` runs untimed before every timed search: forgetting remembered
    answers there measures what a search costs the first time it is asked.
    ``memory`` adds an untimed pass measuring peak memory; ``progress`` is a
    tqdm bar advanced once per search.
    """
    figures = Figures(name)
    if progress is not None:
        progress.reset(total=len(mix) * (runs + warm_up + memory))
    for label, query in mix if warm_up else ():  # warm-up: caches, prepared statements, page cache
        figures.hits[label] = search(query)
        _advance(progress)
    for _run in range(runs):
        for label, query in mix:
            if before_each is not None:
                before_each()
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                figures.hits[label] = search(query)
                elapsed = (time.perf_counter() - started) * 1000
            _advance(progress)
            figures.latencies_ms.append(elapsed)
            figures.per_query_ms.setdefault(label, []).append(elapsed)
            figures.queries.append(len(captured.captured_queries))
    if memory:
        figures.peak_bytes = _peak_bytes(search, mix, before_each, progress)
    return figures


def _peak_bytes(search, mix, before_each, progress):
    peak = 0
    tracemalloc.start()
    for _label, query in mix:
        if before_each is not None:
            before_each()
        tracemalloc.reset_peak()
        search(query)
        peak = max(peak, tracemalloc.get_traced_memory()[1])
        _advance(progress)
    tracemalloc.stop()
    return peak


def _advance(progress):
    if progress is not None:
        progress.update(1)


def max_rss_mib():
    """The process's peak resident memory (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


class Sales:
    """One unit allocated at a time from stock that stays above zero, as checkouts do all day.

    Oscar's own allocation in a transaction, so the index hears of each sale
    when it commits, as it hears of a real order's.
    """

    def __init__(self, seed=7):
        self.rng = random.Random(seed)
        self.highest = StockRecord.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    def __call__(self):
        start = self.rng.randint(1, max(self.highest, 1))
        with transaction.atomic():
            available = StockRecord.objects.filter(num_in_stock__gt=Coalesce("num_allocated", 0) + 2)
            record = available.filter(pk__gte=start).order_by("pk").select_related("product").first()
            if record is not None:
                record.allocate(1)
