from django.conf import settings
from django.db import migrations


def add_locales(apps, schema_editor):
    """A Locale for every content language: Wagtail made only the default one (Vietnamese),
    and editors translate pages into the others."""
    Locale = apps.get_model("wagtailcore", "Locale")
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_province_settings"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(add_locales, migrations.RunPython.noop)]
