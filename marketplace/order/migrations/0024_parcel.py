"""One name for an enterprise's part of an order: the parcel (was VendorOrder); rows are kept."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("order", "0023_shipping_address_administrative_units"),
        ("partner", "0010_enterprise_documents"),
        # The ledger's first migrations point at the old name: they run before the rename.
        ("payouts", "0002_partial_refund"),
    ]

    operations = [
        migrations.RenameModel("VendorOrder", "Parcel"),
        migrations.RenameModel("VendorOrderStatusChange", "ParcelStatusChange"),
        migrations.RenameField("ParcelStatusChange", "vendor_order", "parcel"),
        migrations.AlterField(
            model_name="parcel",
            name="enterprise",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="parcels",
                to="partner.partner",
                verbose_name="enterprise",
            ),
        ),
        migrations.AlterField(
            model_name="parcel",
            name="order",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="parcels",
                to="order.order",
                verbose_name="order",
            ),
        ),
    ]
