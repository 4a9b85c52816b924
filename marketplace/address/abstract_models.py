"""The two-tier administrative units (since 1 July 2025) on every shopper address."""

from places.abstract_models import administrative_units


class AdministrativeUnits(administrative_units()):
    """Province and commune/ward, chosen from the official list.

    Oscar's ``state`` and ``line4`` (city) keep the units' names as well, so Oscar's
    address summaries, hashes and e-mails read naturally without special cases.
    """

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.commune_id:
            self.line4 = self.commune.name
        if self.province_id:
            self.state = self.province.name
        super().save(*args, **kwargs)
