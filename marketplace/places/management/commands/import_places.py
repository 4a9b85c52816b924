"""Load the two-tier administrative units into the project's own tables."""

import csv
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from marketplace.places.models import Commune, Province
from marketplace.text import slugify_vi

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "data" / "divisions.csv"
DEFAULT_VERSION = "2026-09-20"
COLUMNS = {"province_code", "province_name", "province_type", "commune_code", "commune_name", "commune_type"}


class Command(BaseCommand):
    help = "Import provinces and communes/wards (2025 units) from a CSV file. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
        parser.add_argument("--data-version", default=DEFAULT_VERSION)
        parser.add_argument(
            "--province",
            action="append",
            dest="provinces",
            metavar="CODE",
            help="Only this province code (repeatable); default: all.",
        )

    def handle(self, *args, file, data_version, provinces, **options):
        rows = self._read(file, provinces)
        with transaction.atomic():
            created = import_rows(rows, data_version, progress=options["verbosity"] > 0)
        if options["verbosity"] == 0:
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"{Province.objects.count()} provinces, {Commune.objects.count()} communes "
                f"({created} new), data version {data_version}."
            )
        )

    def _read(self, file, provinces):
        try:
            with open(file, encoding="utf-8", newline="") as handle:
                reader = csv.DictReader(handle)
                missing = COLUMNS - set(reader.fieldnames or ())
                if missing:
                    raise CommandError(f"{file} lacks the columns: {', '.join(sorted(missing))}")
                rows = list(reader)
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        if provinces:
            rows = [row for row in rows if row["province_code"] in set(provinces)]
            if not rows:
                raise CommandError(f"No units for province codes {', '.join(provinces)}.")
        return rows


def import_rows(rows, data_version, progress=False):
    """Create new units and update changed ones, by official code; returns how many communes were new."""
    provinces = {}
    for row in rows:
        if row["province_code"] not in provinces:
            provinces[row["province_code"]], _ = Province.objects.update_or_create(
                code=row["province_code"],
                defaults={
                    "name": row["province_name"],
                    "division_type": row["province_type"],
                    "slug": slugify_vi(row["province_name"]),
                    "data_version": data_version,
                },
            )
    existing = {
        commune.code: commune
        for commune in Commune.objects.filter(code__in=[r["commune_code"] for r in rows])
    }
    new, changed = [], []
    for row in tqdm(rows, desc="Communes", unit="unit", disable=not progress):
        values = {
            "name": row["commune_name"],
            "division_type": row["commune_type"],
            "province_id": provinces[row["province_code"]].pk,
            "slug": slugify_vi(row["commune_name"]),
            "data_version": data_version,
        }
        commune = existing.get(row["commune_code"])
        if commune is None:
            new.append(Commune(code=row["commune_code"], **values))
        elif any(getattr(commune, field) != value for field, value in values.items()):
            for field, value in values.items():
                setattr(commune, field, value)
            changed.append(commune)
    Commune.objects.bulk_create(new, batch_size=500)
    Commune.objects.bulk_update(changed, list(UPDATED_FIELDS), batch_size=500)
    return len(new)


UPDATED_FIELDS = ("name", "division_type", "province_id", "slug", "data_version")
