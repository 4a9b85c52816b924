"""The enterprise's record and its "Trusted enterprise" verdict, for the record's partial and lists."""

from dataclasses import dataclass

from django import template

from ..figures import EnterpriseRecord, record_of, records_of
from ..trust import TrustVerdict, percent, trusted_enterprise

register = template.Library()


@dataclass(frozen=True)
class Standing:
    record: EnterpriseRecord
    trust: TrustVerdict


@register.simple_tag
def enterprise_standing(enterprise):
    """One enterprise's record and the verdict on the badge, decided in the page's language."""
    return standing_from(record_of(enterprise))


@register.simple_tag
def enterprise_standings(enterprises):
    """Each enterprise of a list with its standing, as pairs: the records of the whole list are
    counted at once (two queries however long the list)."""
    enterprises = list(enterprises)
    records = records_of(enterprises)
    return [(enterprise, standing_from(records[enterprise.pk])) for enterprise in enterprises]


def standing_from(record):
    return Standing(record=record, trust=trusted_enterprise(record))


@register.filter
def as_percent(share):
    return percent(share)
