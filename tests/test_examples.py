"""The bundled example plans."""

from __future__ import annotations

import pytest

import smstrategy as sms
from custom_frameworks import budget_example, sostac_example

KEYS = ["five-step", "eight-step", "popt", "roadmap"]


@pytest.mark.parametrize("key", KEYS)
def test_each_built_in_has_an_example(key):
    """Every built-in framework has a complete example plan of its own type."""
    plan = sms.example(key)
    cls = sms.get_framework(key)
    assert type(plan) is cls
    assert plan.title == "Fjord Coffee: social media plan 2027"


@pytest.mark.parametrize("key", KEYS)
def test_examples_fill_every_step(key):
    """No step of an example is left at its empty default."""
    plan = sms.example(key)
    for s in type(plan).steps():
        assert getattr(plan, s.name) != s.type(), s.name


def test_examples_are_equal_each_time():
    """An example is built afresh on each call and always equal."""
    assert sms.example("roadmap") == sms.example("roadmap")
    assert sms.example() == sms.example("five-step")


def test_unknown_example_lists_known_keys():
    """Asking for an example that does not exist names the ones that do."""
    with pytest.raises(
        sms.UnknownFrameworkError,
        match="known keys: community, council, eight-step, five-step, nonprofit, popt, roadmap",
    ):
        sms.example("sostac")
    with pytest.raises(sms.UnknownFrameworkError):
        sms.example(None)  # type: ignore[call-overload]


def test_custom_examples_build():
    """The custom frameworks of the tests can hold the same business's plan."""
    assert sostac_example().strategy.channels == sms.example().technology.channels
    assert budget_example().budget.monthly == 4000
