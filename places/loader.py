"""Load the administrative units into the project's own tables: the one loader of import_places,
bootstrap and the demo. Safe to run again: rows are matched by official code, new ones created,
changed ones updated, equal ones left untouched (a second run writes nothing)."""

from typing import NamedTuple

from django.conf import settings
from django.db import transaction
from tqdm import tqdm

from marketplace.text import slugify_vi

from .legacy_loader import LegacyReport, load_legacy_units
from .legacy_sources import package_old_units
from .models import Commune, Province
from .sources import DivisionSet, package_divisions

BATCH = 500
PROVINCE_FIELDS = ("name", "division_type", "slug", "data_version")
COMMUNE_FIELDS = ("name", "division_type", "province_id", "slug", "data_version")


class LoadReport(NamedTuple):
    data_version: str
    source: str
    provinces: int  # in the data loaded
    communes: int
    new_provinces: int
    new_communes: int
    updated_provinces: int
    updated_communes: int
    kept: int  # communes of these provinces in the database that the data no longer lists
    legacy: LegacyReport | None = None  # the home province's former units, when loaded

    @property
    def changed(self):
        counts = (self.new_provinces, self.new_communes, self.updated_provinces, self.updated_communes)
        return any(counts) or bool(self.legacy and self.legacy.changed)

    def summary(self):
        text = (
            f"{self.provinces} provinces, {self.communes} communes and wards, data version "
            f"{self.data_version}: "
        )
        if self.changed:
            text += (
                f"{self.new_provinces} provinces and {self.new_communes} communes new, "
                f"{self.updated_provinces} provinces and {self.updated_communes} communes updated."
            )
        else:
            text += "already up to date."
        if self.kept:
            text += (
                f" {self.kept} communes in the database are no longer in the data: kept, since records "
                "may point at them."
            )
        if self.legacy:
            text += " " + self.legacy.summary()
        return text


def load_package_units(provinces=None, progress=False):
    """Load the units of the installed vietnam-provinces package (all, or these province codes)."""
    divisions = package_divisions()
    if provinces:
        divisions = divisions.only(provinces)
    report = load_units(divisions, progress=progress)
    return report._replace(legacy=load_home_legacy_units(divisions, progress=progress))


def load_home_legacy_units(divisions: DivisionSet, progress=False):
    """The home province's former units (its old provinces, districts and wards), if it was loaded.

    Only the home province's: the shoppers' old names are the province's own, and other provinces'
    would only add false hits.
    """
    home = settings.MARKETPLACE_PROVINCE_CODE
    if not any(row.province_code == home for row in divisions.rows):
        return None
    return load_legacy_units(package_old_units(home), divisions.data_version, progress=progress)


@transaction.atomic
def load_units(divisions: DivisionSet, progress=False):
    """Create new units and update changed ones, by official code; returns a LoadReport."""
    version = divisions.data_version
    wanted = {}
    for row in divisions.rows:
        wanted.setdefault(
            row.province_code,
            {
                "name": row.province_name,
                "division_type": row.province_type,
                "slug": slugify_vi(row.province_name),
                "data_version": version,
            },
        )
    by_code = {province.code: province for province in Province.objects.filter(code__in=wanted)}
    new_provinces, updated_provinces = _sort(Province, by_code, wanted, PROVINCE_FIELDS)
    for province in new_provinces:
        province.save()  # 34 at most; saved one by one so that their ids are known on every database
        by_code[province.code] = province
    Province.objects.bulk_update(updated_provinces, PROVINCE_FIELDS)

    wanted = {
        row.commune_code: {
            "name": row.commune_name,
            "division_type": row.commune_type,
            "province_id": by_code[row.province_code].pk,
            "slug": slugify_vi(row.commune_name),
            "data_version": version,
        }
        for row in divisions.rows
    }
    # A few thousand rows: read them all rather than send thousands of codes in a query.
    existing = {commune.code: commune for commune in Commune.objects.all()}
    province_ids = {province.pk for province in by_code.values()}
    kept = sum(
        1 for code, commune in existing.items() if commune.province_id in province_ids and code not in wanted
    )
    new_communes, updated_communes = _sort(Commune, existing, wanted, COMMUNE_FIELDS)
    writes = len(new_communes) + len(updated_communes)
    with tqdm(total=writes, desc="Communes", unit="unit", disable=not progress or not writes) as bar:
        for start in range(0, len(new_communes), BATCH):
            batch = new_communes[start : start + BATCH]
            Commune.objects.bulk_create(batch)
            bar.update(len(batch))
        for start in range(0, len(updated_communes), BATCH):
            batch = updated_communes[start : start + BATCH]
            Commune.objects.bulk_update(batch, COMMUNE_FIELDS)
            bar.update(len(batch))

    return LoadReport(
        data_version=version,
        source=divisions.source,
        provinces=len(by_code),
        communes=len(wanted),
        new_provinces=len(new_provinces),
        new_communes=len(new_communes),
        updated_provinces=len(updated_provinces),
        updated_communes=len(updated_communes),
        kept=kept,
    )


def _sort(model, existing, wanted, fields):
    """Split the wanted rows into new instances and changed existing ones (given their new values)."""
    new, updated = [], []
    for code, values in wanted.items():
        instance = existing.get(code)
        if instance is None:
            new.append(model(code=code, **values))
        elif any(getattr(instance, field) != values[field] for field in fields):
            for field in fields:
                setattr(instance, field, values[field])
            updated.append(instance)
    return new, updated
