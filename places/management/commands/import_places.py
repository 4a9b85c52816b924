"""Load the two-tier administrative units into the project's own tables."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from places import loader, signals, sources


class Command(BaseCommand):
    help = (
        "Import provinces and communes/wards (2025 units) from the installed vietnam-provinces package's "
        "data, or from a file. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--file",
            type=Path,
            default=None,
            help="Read this file instead of the package's data: a JSON file in the package's nested "
            f"format, or a CSV file with the columns {', '.join(sources.CSV_COLUMNS)}.",
        )
        parser.add_argument(
            "--data-version",
            default=None,
            help="The data's retrieval date, kept on every unit (default: the package's; needed with "
            "--file).",
        )
        parser.add_argument(
            "--province",
            action="append",
            dest="provinces",
            metavar="CODE",
            help="Only this province code (repeatable); default: all.",
        )

    def handle(self, *args, file, data_version, provinces, **options):
        try:
            if file is None:
                divisions = sources.package_divisions()
            else:
                rows = sources.read_file(file)
                if not data_version:
                    raise CommandError(f"Give --data-version (the retrieval date of {file}) with --file.")
                divisions = sources.DivisionSet(rows, data_version, str(file))
            if data_version:
                version = sources.check_version(data_version, "--data-version")
                divisions = divisions._replace(data_version=version)
            if provinces:
                divisions = divisions.only(provinces)
        except sources.UnitsUnavailable as error:
            raise CommandError(str(error)) from error
        if options["verbosity"] > 0:
            self.stdout.write(f"Reading {divisions.source}.")
        progress = options["verbosity"] > 0
        report = loader.load_units(divisions, progress=progress)
        if file is None:  # the former units come with the package's data, not with a file
            try:
                report = report._replace(legacy=loader.load_home_legacy_units(divisions, progress=progress))
            except sources.UnitsUnavailable as error:
                raise CommandError(str(error)) from error
        if options["verbosity"] > 0:
            self.stdout.write(self.style.SUCCESS(report.summary()))
        for _receiver, said in signals.units_imported.send(
            sender=self.__class__, report=report, progress=options["verbosity"] > 0
        ):
            if said and options["verbosity"] > 0:
                self.stdout.write(str(said))
