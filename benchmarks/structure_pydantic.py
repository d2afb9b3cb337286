"""Structuring the five-step example from its dict against pydantic v2 on a mirror model.

The mirror model has the same fields, types and invariants as the plan (non-empty
names, numbers of at least 0, shares from 0 to 100 that add up to 100, names
unique within a section), and both read the same dict: the one
``smstrategy.to_dict`` writes.  pydantic is a benchmark-only dependency (the
``bench`` extra).  Budget: 1.0x.

    python benchmarks/structure_pydantic.py
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from _timing import paired, verdict
from pydantic import BaseModel, ConfigDict, Field, model_validator

import smstrategy as sms

BUDGET = 1.0
Text = Annotated[str, Field(min_length=1, pattern=r"\S")]
Number = Annotated[float, Field(ge=0, allow_inf_nan=False)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


class Metric(Strict):
    name: Text
    target: Number | None = None
    unit: str = ""
    baseline: Number | None = None


class Goal(Strict):
    statement: Text
    kind: Literal[tuple(k.value for k in sms.GoalKind)] = "other"  # type: ignore[valid-type]
    metrics: tuple[Metric, ...] = ()
    deadline: dt.date | None = None


class Audience(Strict):
    name: Text
    priority: Annotated[int, Field(ge=1)] = 1
    demographics: tuple[Text, ...] = ()
    psychographics: tuple[Text, ...] = ()
    values: tuple[Text, ...] = ()
    motivations: tuple[Text, ...] = ()


class Channel(Strict):
    platform: Text
    handle: str = ""
    audiences: tuple[Text, ...] = ()
    goals: tuple[Text, ...] = ()
    owner: str = ""
    cadence: Number = 0
    automation: Literal["manual", "scheduled", "automated"] = "manual"
    reviewer: str = ""
    minutes_per_post: Number | None = None


class ContentMix(Strict):
    promotional: Annotated[float, Field(ge=0, le=100)]
    curated: Annotated[float, Field(ge=0, le=100)]
    engagement: Annotated[float, Field(ge=0, le=100)]

    @model_validator(mode="after")
    def shares_add_up(self) -> ContentMix:
        if abs(self.promotional + self.curated + self.engagement - 100) > 0.01:
            raise ValueError("shares must add up to 100")
        return self


def _unique(names: list[str], what: str) -> None:
    folded = [n.casefold() for n in names]
    if len(set(folded)) != len(folded):
        raise ValueError(f"each {what} at most once")


class Direction(Strict):
    goals: tuple[Goal, ...] = ()
    ambition: str = ""


class Target(Strict):
    audiences: tuple[Audience, ...] = ()

    @model_validator(mode="after")
    def unique(self) -> Target:
        _unique([a.name for a in self.audiences], "audience name")
        return self


class Uniqueness(Strict):
    differentiator: str = ""
    reasons: tuple[Text, ...] = ()
    competitors: tuple[Text, ...] = ()


class Technology(Strict):
    channels: tuple[Channel, ...] = ()
    content_mix: ContentMix | None = None
    rationale: str = ""
    monitors: tuple[Text, ...] = ()

    @model_validator(mode="after")
    def unique(self) -> Technology:
        _unique([f"{c.platform} {c.handle}" for c in self.channels], "network and handle")
        return self


class Assessment(Strict):
    questions_for_us: tuple[Text, ...] = ()
    questions_for_customers: tuple[Text, ...] = ()
    reviewed_goals: tuple[Text, ...] = ()
    review_every_weeks: Annotated[int, Field(ge=1)] | None = None


class FiveStep(Strict):
    framework: Literal["five-step"]
    title: Text
    stage: Literal["traditional", "experimental", "operational", "high impact"] | None = None
    direction: Direction
    target: Target
    uniqueness: Uniqueness
    technology: Technology
    assessment: Assessment


def main() -> None:
    """Structure the same dict with both and compare their times."""
    data = sms.to_dict(sms.example("five-step"))
    assert sms.from_dict(data) == sms.example("five-step")
    mirror = FiveStep.model_validate(data)
    assert mirror.direction.goals[0].metrics[0].target == 40_000
    library, pydantic, ratio = paired(
        lambda: sms.from_dict(data), lambda: FiveStep.model_validate(data), number=200
    )
    print(
        f"structure five-step example: {library * 1e6:.0f} us; pydantic v2 mirror: "
        f"{pydantic * 1e6:.0f} us; ratio {ratio:.2f}x, {verdict(ratio, BUDGET)}"
    )


if __name__ == "__main__":
    main()
