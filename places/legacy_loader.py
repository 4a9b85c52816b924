"""Load the pre-2025 units that became the home province into :class:`LegacyUnit` with their successors.

Safe to run again like the current units' loader: units are matched by old code, successor links by
(unit, commune); new ones are created, changed ones updated, links the data no longer gives removed
(they are derived facts, nothing points at them), equal ones untouched.
"""

import datetime
import re
from typing import NamedTuple

from django.core.cache import cache
from django.db import transaction
from tqdm import tqdm

from marketplace.text import fold

from .legacy_sources import COMMUNE, OldUnitSet
from .models import Commune, LegacySuccessor, LegacyUnit, Province

VALID_UNTIL = datetime.date(2025, 6, 30)  # the two-tier units came into force on 1 July 2025
UNIT_FIELDS = (
    "level",
    "name",
    "division_type",
    "old_province_code",
    "valid_until",
    "search_name",
    "successor_province_id",
    "data_version",
)
_WORD = re.compile(r"[^\W_]+")
NAMES_KEY = "places:legacy-names"  # the names search reads in every query (places.legacy), cached


def forget_names():
    """Drop the cached names now and once the load commits (a search in between may cache them again)."""
    cache.delete(NAMES_KEY)
    transaction.on_commit(lambda: cache.delete(NAMES_KEY))


class LegacyReport(NamedTuple):
    units: int
    new_units: int
    updated_units: int
    links: int
    changed_links: int

    @property
    def changed(self):
        return bool(self.new_units or self.updated_units or self.changed_links)

    def summary(self):
        text = f"{self.units} former units (before 1 July 2025) with {self.links} links to current communes: "
        if self.changed:
            return (
                text
                + f"{self.new_units} new, {self.updated_units} updated, {self.changed_links} links changed."
            )
        return text + "already up to date."


def search_name(name, division_type):
    """The folded name without its division word: "Huyện Bố Trạch" -> "bo trach"."""
    if name.casefold().startswith(division_type.casefold() + " "):
        name = name[len(division_type) + 1 :]
    return " ".join(_WORD.findall(fold(name)))


@transaction.atomic
def load_legacy_units(old_units: OldUnitSet, data_version, progress=False):
    """Create or update the former units and their successor links; returns a LegacyReport."""
    province = Province.objects.get(code=old_units.new_province_code)
    communes = dict(Commune.objects.filter(province=province).values_list("code", "pk"))
    wanted = {
        unit.code: {
            "level": unit.level,
            "name": unit.name,
            "division_type": unit.division_type,
            "old_province_code": unit.province_code,
            "valid_until": VALID_UNTIL,
            "search_name": search_name(unit.name, unit.division_type),
            "successor_province_id": province.pk,
            "data_version": data_version,
        }
        for unit in old_units.units
    }
    existing = {unit.code: unit for unit in LegacyUnit.objects.filter(code__in=wanted)}
    new, updated = [], []
    for code, values in wanted.items():
        unit = existing.get(code)
        if unit is None:
            new.append(LegacyUnit(code=code, **values))
        elif any(getattr(unit, field) != value for field, value in values.items()):
            for field, value in values.items():
                setattr(unit, field, value)
            updated.append(unit)
    with tqdm(total=len(new) + len(updated), desc="Former units", unit="unit", disable=not progress) as bar:
        for unit in new:
            unit.save()  # a few hundred; their ids are needed for the links on every database
            existing[unit.code] = unit
            bar.update(1)
        LegacyUnit.objects.bulk_update(updated, UNIT_FIELDS)
        bar.update(len(updated))

    links = _links(old_units, communes)
    ids = {code: unit.pk for code, unit in existing.items()}
    wanted_links = {(ids[code], commune): partly for (code, commune), partly in links.items()}
    have = {
        (link.legacy_unit_id, link.commune_id): link
        for link in LegacySuccessor.objects.filter(legacy_unit_id__in=ids.values())
    }
    stale = [link.pk for key, link in have.items() if key not in wanted_links]
    changed = [link for key, link in have.items() if key in wanted_links and link.partly != wanted_links[key]]
    for link in changed:
        link.partly = wanted_links[(link.legacy_unit_id, link.commune_id)]
    created = [
        LegacySuccessor(legacy_unit_id=unit, commune_id=commune, partly=partly)
        for (unit, commune), partly in wanted_links.items()
        if (unit, commune) not in have
    ]
    LegacySuccessor.objects.filter(pk__in=stale).delete()
    LegacySuccessor.objects.bulk_update(changed, ["partly"])
    LegacySuccessor.objects.bulk_create(created)
    if new or updated:
        forget_names()
    changes = len(stale) + len(changed) + len(created)
    return LegacyReport(len(wanted), len(new), len(updated), len(wanted_links), changes)


def _links(old_units, communes):
    """(old code, commune pk) -> partly, for every level.

    A ward's successors are the data's; a district's and an old province's are the union of their
    wards', partly when any of those wards went to that commune only in part.
    """
    links = {}
    parents = {unit.code: unit.parent_code for unit in old_units.units}
    for unit in old_units.units:
        if unit.level != COMMUNE:
            continue
        for commune_code, partly in unit.successors:
            commune = communes.get(commune_code)
            if commune is None:  # a commune not loaded (import_places --file with fewer units)
                continue
            district = parents.get(unit.code, "")
            for code in (unit.code, district, parents.get(district, unit.province_code)):
                if code in parents:
                    links[(code, commune)] = links.get((code, commune), False) or partly
    return links
