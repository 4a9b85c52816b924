"""The demo's data files (``data/*.toml``), read into the shapes content, facts and builders use.

What a person edits (names, stories, sentences, colours, dates) lives in TOML; how it is
combined and drawn from stays in Python. Pure Python, no Django: plain tests import content.
"""

import functools
import tomllib
from pathlib import Path

from marketplace.operations import sectors

DATA = Path(__file__).with_name("data")


@functools.cache
def read(name):
    """One data file as parsed TOML (cached: treat it as read-only)."""
    with (DATA / f"{name}.toml").open("rb") as file:
        return tomllib.load(file)


# --- Content: sectors, products, enterprises, wording --------------------------------------


def product_groups():
    """The OCOP sectors and product sets (operations' classification) with the demo's colours."""
    colours = read("colours")
    return [
        {
            **sector,
            "colour": colours["sectors"][sector["slug"]],
            "sets": [{**item, "colour": colours["sets"][item["slug"]]} for item in sector["sets"]],
        }
        for sector in sectors.sectors()
    ]


def base_products():
    """``{key: (product-set slug, name, description, [(grade, unit, price, grams), ...])}``."""
    return {
        key: (
            item["set"],
            item["name"],
            item["description"],
            [(v["grade"], v["unit"], v["price"], v["grams"]) for v in item["variants"]],
        )
        for key, item in read("products").items()
    }


def enterprise_rows():
    return [dict(row) for row in read("enterprises")["enterprise"]]


def mobile_prefixes():
    return tuple(read("enterprises")["mobile_prefixes"])


def former_quang_binh():
    return frozenset(read("communes")["former_quang_binh"])


def old_districts():
    """``{commune: (district, former province)}`` before 1 July 2025."""
    return {commune: tuple(place) for commune, place in read("communes")["old_districts"].items()}


def wording():
    """The sentences of product descriptions: origin, origin_service, storage, usage, bare_units."""
    return read("wording")


# --- Facts: recognitions, lots, shelf life --------------------------------------------------


def specialties():
    return {(item["enterprise"], item["product"]) for item in read("recognitions")["specialties"]}


def score_ranges():
    return {int(stars): tuple(span) for stars, span in read("recognitions")["score_ranges"].items()}


def scenarios():
    """``{enterprise: [(name, product, stars, date, evaluation, status, superseded by name), ...]}``."""
    return {
        int(index): [
            (
                item["name"],
                item["product"],
                item["stars"],
                item["decided"],
                item["evaluation"],
                item["status"],
                item.get("superseded_by"),
            )
            for item in items
        ]
        for index, items in read("recognitions")["scenarios"].items()
    }


def drawn_recognitions():
    """``[(share, first decision date, last decision date, status), ...]``."""
    return [
        (item["share"], item["first"], item["last"], item["status"]) for item in read("recognitions")["drawn"]
    ]


def forced_lots():
    """``{(enterprise, product): {"lots": n, ...what the lot shows}}``."""
    return {
        (item["enterprise"], item["product"]): {
            name: value for name, value in item.items() if name not in ("enterprise", "product")
        }
        for item in read("lots")["forced"]
    }


def lot_steps():
    """``{kind: [(event, place, actor, (fewest days, most days), optional), ...]}``."""
    return {
        kind: [
            (step["event"], step["place"], step["actor"], tuple(step["days"]), step["optional"])
            for step in steps
        ]
        for kind, steps in read("lots")["steps"].items()
    }


# --- Pages and reviews ----------------------------------------------------------------------


def stories():
    return [dict(story) for story in read("pages")["story"]]
