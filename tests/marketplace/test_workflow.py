"""The status-workflow helper on its own: moves, reasons and messages (no database needed)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_noop

from marketplace.workflow import Workflow


class Light(models.TextChoices):
    RED = "red", "Red"
    GREEN = "green", "Green"
    BROKEN = "broken", "Broken"


class TrafficLight(Workflow):
    statuses = Light
    moves = {Light.RED: {Light.GREEN, Light.BROKEN}, Light.GREEN: {Light.RED}}
    needs_reason = {Light.BROKEN}
    cannot_become = gettext_noop("A light that is %(from)s cannot become %(to)s.")

    def check_extras(self, to_status, instance=None, inspector=""):
        if to_status == Light.BROKEN and not inspector:
            raise ValidationError("Who saw it?", code="inspector_required")


LIGHT = TrafficLight()


def test_a_status_without_moves_allows_none():
    assert LIGHT.allowed_moves(Light.BROKEN) == set()


def test_a_move_not_described_is_refused_with_the_statuses_named():
    with pytest.raises(ValidationError) as refusal:
        LIGHT.check(Light.GREEN, Light.BROKEN, reason="Hit by a truck", inspector="An")
    assert refusal.value.code == "move_not_allowed"
    assert refusal.value.messages == ["A light that is green cannot become broken."]


def test_a_blank_reason_is_refused_where_one_is_needed():
    with pytest.raises(ValidationError) as refusal:
        LIGHT.check(Light.RED, Light.BROKEN, reason="   ", inspector="An")
    assert refusal.value.code == "reason_required"


def test_the_workflows_own_check_runs_after_the_reason():
    with pytest.raises(ValidationError) as refusal:
        LIGHT.check(Light.RED, Light.BROKEN, reason="Hit by a truck")
    assert refusal.value.code == "inspector_required"


def test_an_allowed_move_with_all_it_needs_passes():
    LIGHT.check(Light.RED, Light.BROKEN, reason="Hit by a truck", inspector="An")
    LIGHT.check(Light.RED, Light.GREEN)
