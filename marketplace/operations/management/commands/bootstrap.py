"""Prepare a migrated database for the province. Run it after `migrate` on every deploy."""

import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from marketplace.operations import bootstrap


class Command(BaseCommand):
    help = (
        "After `migrate`: load the administrative units, create the province's home page and site, the "
        "OCOP product class and categories, the staff groups with their permissions, and a first "
        "operator from OPERATOR_EMAIL and OPERATOR_PASSWORD. Safe to run on every deploy: it only "
        "creates what is missing and loads no demo data."
    )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        self.changes = 0
        try:
            self.run()
        except bootstrap.BootstrapError as error:
            raise CommandError(str(error)) from error

    def run(self):
        pending = bootstrap.unapplied_migrations()
        if pending:
            raise CommandError(
                f"The database lacks {len(pending)} migrations (the first is {pending[0]}): "
                "run `python manage.py migrate` first."
            )

        self.step("Administrative units (34 provinces and their communes)")
        report = bootstrap.ensure_places(progress=self.verbosity > 0)
        self.say(f"Read {report.source}.")
        self.say(report.summary(), self.style.SUCCESS if report.changed else None)
        self.changes += report.changed

        self.step("Home page and site")
        with transaction.atomic():
            province = bootstrap.home_province()
            home, outcome = bootstrap.ensure_home_page(province)
            self.tell(outcome)
            site, outcome = bootstrap.ensure_sites(home)
            self.tell(outcome)
            self.tell(bootstrap.ensure_province_settings(site, province))
            self.tell(bootstrap.ensure_operator_settings(site, province))
            self.tell(bootstrap.ensure_event_index(home))

        self.step("Place pages (one per commune and ward)")
        with transaction.atomic():
            self.tell(bootstrap.ensure_place_pages(province, progress=self.verbosity > 0))

        self.step("OCOP catalogue: product class, sectors and product sets")
        with transaction.atomic():
            created = bootstrap.ensure_catalogue()
        if created:
            self.say(f"{created} categories created.", self.style.SUCCESS)
            self.changes += 1
        else:
            self.say("Every sector and product set is in place.")

        self.step("Staff groups")
        with transaction.atomic():
            groups = bootstrap.ensure_staff_groups(home)
        names = ", ".join(group.name for group in groups.groups.values())
        if groups.created or groups.added:
            self.say(
                f"{names}: groups created {groups.created}, permissions added {groups.added}.",
                self.style.SUCCESS,
            )
            self.changes += 1
        else:
            self.say(f"{names}: every permission is in place.")

        self.step("First operator")
        self.operator()

        if self.changes:
            self.say(self.style.SUCCESS("Bootstrap done."))
        else:
            self.say("Bootstrap done: nothing needed changing.")

    def operator(self):
        email = os.environ.get("OPERATOR_EMAIL", "").strip()
        password = os.environ.get("OPERATOR_PASSWORD", "")  # never printed
        if email:
            _user, outcome = bootstrap.ensure_operator(email, password)
            self.tell(outcome)
            return
        superusers = get_user_model().objects.filter(is_superuser=True, is_active=True).count()
        if superusers:
            self.say(f"Operator accounts (superusers): {superusers}. OPERATOR_EMAIL is not set: none added.")
        else:
            self.warn(
                "No operator yet. Set OPERATOR_EMAIL and OPERATOR_PASSWORD in the environment and run "
                "`python manage.py bootstrap` again (the operator logs in with that e-mail address), or run "
                "`python manage.py createsuperuser` and give the e-mail address as the username too."
            )

    # --- Output -----------------------------------------------------------------------------

    def step(self, title):
        if self.verbosity > 0:
            self.stdout.write(self.style.MIGRATE_HEADING(f"{title}:"))

    def say(self, message, style=None):
        if self.verbosity > 0:
            self.stdout.write(f"  {style(message) if style else message}")

    def warn(self, message):
        self.stderr.write(self.style.WARNING(f"  {message}"))

    def tell(self, outcome):
        self.say(outcome.message, self.style.SUCCESS if outcome.created or outcome.changed else None)
        self.changes += outcome.created or outcome.changed
        for warning in outcome.warnings:
            self.warn(warning)
