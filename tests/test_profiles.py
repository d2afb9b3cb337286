"""Organisation profiles: the advice that applies to each kind of organisation."""

from __future__ import annotations

import attrs
import pytest

import smstrategy as sms
from smstrategy.built_in.five_step import Uniqueness

FIVE = sms.example("five-step")
EIGHT = sms.example("eight-step")
#: A public body: no competitors to listen to, nothing to stand apart from.
COUNCIL = sms.evolve_at(
    sms.evolve_at(EIGHT, "listen.panel", competitors=()), "", profile=sms.Profile.PUBLIC_BODY
)
#: A volunteer community: everyone in the ark comes from one kind of place.
VOLUNTEERS = sms.Team(
    members=[
        sms.Member(name="Kari", department="Volunteers", account_access=True, monitors=True),
        sms.Member(name="Ola", department="volunteers", account_access=True),
    ]
)


def test_a_profile_names_the_rules_that_do_not_apply():
    """Each profile is a Guidelines value; a business keeps every rule."""
    assert sms.Guidelines.for_profile("business") == sms.Guidelines()
    public = sms.Guidelines.for_profile(sms.Profile.PUBLIC_BODY)
    assert (public.profile, public.not_applicable) == (sms.Profile.PUBLIC_BODY, {"SMS161"})
    assert public.optional_steps == {"uniqueness"}
    community = sms.Guidelines.for_profile("open-source community")
    assert community.not_applicable == {"SMS161", "SMS211"}
    assert sms.Guidelines.for_profile("nonprofit").not_applicable == {"SMS161"}


def test_a_plan_that_names_its_profile_is_held_to_that_profile():
    """A public body's plan is not asked to listen to competitors it does not have."""
    assert sms.check(COUNCIL).codes == ()
    business = attrs.evolve(COUNCIL, profile=None)
    assert sms.check(business).codes == ("SMS161",)
    assert sms.check(business, guidelines=sms.Guidelines.for_profile("public body")).codes == ()
    # Guidelines passed to check win over the plan's own profile.
    assert sms.check(COUNCIL, guidelines=sms.Guidelines()).codes == ("SMS161",)


def test_a_public_body_may_leave_the_uniqueness_step_empty():
    """SMS201 lets a public body's five-step plan go without a differentiator, no other step."""
    plan = sms.evolve_at(FIVE, "", uniqueness=Uniqueness(), profile=sms.Profile.PUBLIC_BODY)
    assert sms.check(plan, select="SMS201").codes == ()
    emptier = sms.evolve_at(plan, "", target=sms.Target())
    assert [f.path for f in sms.check(emptier, select="SMS201")] == ["target"]
    assert sms.check(attrs.evolve(plan, profile=None), select="SMS201").codes == ("SMS201",)


def test_a_community_is_not_asked_for_departments():
    """Contributors from many employers share no department; SMS211 does not run."""
    plan = sms.evolve_at(EIGHT, "ark", team=VOLUNTEERS)
    assert sms.check(plan, select="SMS211").codes == ("SMS211",)
    community = attrs.evolve(plan, profile=sms.Profile.COMMUNITY)
    assert sms.check(community, select="SMS211").codes == ()


def test_an_organisation_of_your_own_kind_evolves_the_guidelines():
    """Your own profile: switch off what does not apply, and say which steps may stay empty."""
    own = attrs.evolve(
        sms.Guidelines(), not_applicable=["SMS211", "SMS161"], optional_steps=("uniqueness",)
    )
    assert own.not_applicable == {"SMS161", "SMS211"}
    plan = sms.evolve_at(EIGHT, "ark", team=VOLUNTEERS)
    assert sms.check(plan, guidelines=own, select="SMS2").codes == ()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"not_applicable": "SMS161"},
            "Guidelines.not_applicable: expected a collection of names, got 'SMS161'",
        ),
        (
            {"optional_steps": [" "]},
            "Guidelines.optional_steps[' ']: expected text with a visible character, got ' '",
        ),
        ({"profile": "shop"}, "Guidelines.profile: expected a Profile"),
    ],
)
def test_bad_profile_settings_are_refused(changes, message):
    """Settings that can never be right name the field and what came."""
    with pytest.raises(sms.SmstrategyError, match="^" + message.replace("[", r"\[")):
        attrs.evolve(sms.Guidelines(), **changes)


def test_an_unknown_profile_lists_the_known_ones():
    """for_profile names the profiles it knows."""
    with pytest.raises(sms.InvalidFieldValueError) as caught:
        sms.Guidelines.for_profile("shop")
    assert str(caught.value) == (
        "Guidelines.for_profile.profile: expected one of 'business', 'public body', "
        "'nonprofit', 'open-source community', got 'shop'"
    )


def test_the_profile_travels_with_the_plan_and_the_command_line(tmp_path, capsys):
    """A plan's profile is saved and read back; the CLI can set one for a check."""
    from smstrategy.__main__ import main

    assert sms.from_json(sms.to_json(COUNCIL)).profile is sms.Profile.PUBLIC_BODY
    path = tmp_path / "plan.json"
    path.write_text(sms.to_json(attrs.evolve(COUNCIL, profile=None)), encoding="utf-8")
    assert main(["check", str(path)]) == 0
    assert "1 warning" in capsys.readouterr().out
    assert main(["check", str(path), "--profile", "public body"]) == 0
    assert "0 errors, 0 warnings" in capsys.readouterr().out
