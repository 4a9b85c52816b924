"""The OCOP sectors and product sets of Decision 148/QĐ-TTg, read from ``data/ocop_sectors.toml``.

They are the province's real classification (bootstrap creates them as categories), kept as
data so an official change is an edit of that file. Pure Python: the demo's content reads it too.
"""

import copy
import functools
import tomllib
from pathlib import Path

FILE = Path(__file__).with_name("data") / "ocop_sectors.toml"


@functools.cache
def _read():
    with FILE.open("rb") as file:
        return tomllib.load(file)["sector"]


def sectors():
    """``[{"name", "slug", "sets": [{"name", "slug"}, ...]}, ...]`` in the decision's order (a copy)."""
    return copy.deepcopy(_read())
