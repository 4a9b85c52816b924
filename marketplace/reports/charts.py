"""Charts drawn on the server as SVG: no script to load, the same drawing on a phone, on paper
and in the PDF report, and the figures beside it as a table for screen readers.

A chart is computed here and drawn by ``reports/chart.html``. Two shapes cover the Department's
figures: bars (one row per item: statuses, communes, sectors; the label is text of the page above
its bar, whose length is a share of the row, so long Vietnamese labels keep their size on a
narrow screen) and columns (one per month, one or two series side by side: sales by card and by
cash on delivery), drawn in a fixed coordinate space the SVG's viewBox scales to the page.
"""

from dataclasses import dataclass, field
from decimal import Decimal

WIDTH = 640  # the columns' coordinate space's width; the SVG scales to its container
LONGEST_BAR = 70  # the longest bar's share of its row (%): the rest holds its figure
SLIVER = 0.5  # the share of a figure too small to see, but not zero
COLUMN_AREA = 180  # the columns' height, under which the month labels sit
PALETTE = ("#1f6f5c", "#d9822b", "#3d5a99", "#a63d40", "#6b8e23", "#7a5195")


def vietnamese_number(value, places=0):
    """Dots between thousands and a decimal comma, in every language, as amounts are written."""
    text = f"{Decimal(value):,.{places}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def compact(value, kind="int"):
    """A figure short enough for a bar's end: 1,2 tr ₫ / 3,4 tỷ ₫ for amounts, grouped digits otherwise."""
    value = Decimal(value or 0)
    if kind == "money":
        for size, unit in ((Decimal(10**9), "tỷ"), (Decimal(10**6), "tr")):
            if abs(value) >= size:
                return f"{vietnamese_number(value / size, 1)} {unit} ₫"
        return f"{vietnamese_number(value)} ₫"
    if kind == "percent":
        return f"{vietnamese_number(value * 100, 1)} %"
    return vietnamese_number(value)


@dataclass
class Bar:
    label: str
    value: Decimal
    text: str  # the value as written at the bar's end and in the table
    x: float = 0
    y: float = 0
    width: float = 0
    height: float = 0
    share: float = 0  # a bar's length, in % of its row
    colour: str = PALETTE[0]
    series: str = ""


@dataclass
class Chart:
    """What the template draws: the bars with their geometry, and the table of the same figures."""

    title: str
    shape: str  # "bars" or "columns"
    bars: list
    height: float
    kind: str = "int"
    series: list = field(default_factory=list)  # (name, colour) of each series, for the legend
    labels: list = field(default_factory=list)  # columns: (x, text) of each group's label
    label_header: str = ""  # the table's first column header (what the labels are)
    headers: list = field(default_factory=list)  # the table's column headers after the label's
    rows: list = field(default_factory=list)  # the table: (label, [texts])
    width: int = WIDTH

    @property
    def is_empty(self):
        return not any(bar.value for bar in self.bars)


def bar_chart(title, items, kind="int", header="", label_header=""):
    """One bar per ``(label, value)``, in the order given, its length in proportion to the largest."""
    items = [(str(label), Decimal(value or 0)) for label, value in items]
    largest = max((value for _label, value in items), default=0) or 1
    bars = [
        Bar(
            label=label,
            value=value,
            text=compact(value, kind),
            share=max(round(float(value / largest) * LONGEST_BAR, 2), SLIVER if value else 0),
        )
        for label, value in items
    ]
    return Chart(
        title=title,
        shape="bars",
        bars=bars,
        height=0,
        kind=kind,
        label_header=label_header,
        headers=[header or title],
        rows=[(bar.label, [bar.text]) for bar in bars],
    )


def column_chart(title, groups, series, kind="int", label_header=""):
    """Columns per group (a month): ``groups`` is ``[(label, [value per series]), ...]``, ``series``
    the series' names, drawn side by side in the palette's colours."""
    series = [str(name) for name in series]
    largest = max((Decimal(v or 0) for _label, values in groups for v in values), default=0) or 1
    slot = WIDTH / max(len(groups), 1)
    column = min(slot * 0.8 / max(len(series), 1), 48)
    bars, labels, rows = [], [], []
    for index, (label, values) in enumerate(groups):
        left = index * slot + (slot - column * len(series)) / 2
        for position, value in enumerate(values):
            value = Decimal(value or 0)
            height = float(value / largest) * (COLUMN_AREA - 20)
            bars.append(
                Bar(
                    label=str(label),
                    value=value,
                    text=compact(value, kind),
                    x=left + position * column,
                    y=COLUMN_AREA - height,
                    width=column - 2,
                    height=height,
                    colour=PALETTE[position % len(PALETTE)],
                    series=series[position],
                )
            )
        labels.append((index * slot + slot / 2, str(label)))
        rows.append((str(label), [compact(value, kind) for value in values]))
    return Chart(
        title=title,
        shape="columns",
        bars=bars,
        height=COLUMN_AREA + 24,
        kind=kind,
        series=[(name, PALETTE[i % len(PALETTE)]) for i, name in enumerate(series)],
        labels=labels,
        label_header=label_header,
        headers=series,
        rows=rows,
    )
