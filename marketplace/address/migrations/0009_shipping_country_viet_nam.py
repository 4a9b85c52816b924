"""The marketplace ships within Việt Nam: make sure Oscar's country table has it, open for shipping."""

from django.db import migrations


def add_viet_nam(apps, schema_editor):
    Country = apps.get_model("address", "Country")
    country, _created = Country.objects.get_or_create(
        iso_3166_1_a2="VN",
        defaults={
            "iso_3166_1_a3": "VNM",
            "iso_3166_1_numeric": "704",
            "printable_name": "Việt Nam",
            "name": "Cộng hòa Xã hội chủ nghĩa Việt Nam",
        },
    )
    if not country.is_shipping_country:
        country.is_shipping_country = True
        country.save(update_fields=["is_shipping_country"])


class Migration(migrations.Migration):
    dependencies = [("address", "0008_administrative_units")]

    operations = [migrations.RunPython(add_viet_nam, migrations.RunPython.noop)]
