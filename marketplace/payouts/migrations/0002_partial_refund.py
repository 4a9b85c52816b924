from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("payouts", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="ledgerentry",
            name="kind",
            field=models.CharField(
                choices=[
                    ("sale", "Sale"),
                    ("reversal", "Reversal"),
                    ("partial_refund", "Partial refund"),
                    ("payout", "Payout"),
                ],
                max_length=16,
                verbose_name="kind",
            ),
        ),
    ]
