"""Structuring the five-step example from its dict against pydantic v2 on a mirror model.

The mirror model has the same fields, types and invariants as the plan (text
without control characters, names with a visible character, finite numbers
within their bounds, network names folded, ranges whose upper end is at least
the lower, shares from 0 to 100 that add up to 100, names unique within a
section), and both read the same data: the JSON ``smstrategy.to_json`` writes,
parsed.  pydantic is a benchmark-only dependency (the
``bench`` extra).  Budget: 1.5x; the compass the design set is 1.0x.

    python benchmarks/structure_pydantic.py
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Literal

from _timing import Row, paired, show
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

import smstrategy as sms
from smstrategy.elements import PLATFORM_ALIASES

BUDGET = 1.5
COMPASS = 1.0
#: No control characters but tab and line ends; text needs a visible character as well.
_ALLOWED = r"[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\x{2028}\x{2029}]"
String = Annotated[str, Field(pattern=rf"^{_ALLOWED}*$")]
Text = Annotated[str, Field(min_length=1, pattern=rf"^{_ALLOWED}*\S{_ALLOWED}*$")]
Number = Annotated[float, Field(ge=0, allow_inf_nan=False)]
Finite = Annotated[float, Field(allow_inf_nan=False)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


Platform = Text
GoalKind = Literal[tuple(k.value for k in sms.GoalKind)]  # type: ignore[valid-type]
Category = Literal["promotional", "curated", "engagement"]
Automation = Literal["manual", "scheduled", "automated"]


def _platform(name: str) -> str:
    folded = " ".join(name.split()).lower()
    return PLATFORM_ALIASES.get(folded, folded)


class Metric(Strict):
    name: Text
    target: Finite | None = None
    comparison: Literal["at least", "at most", "exactly", "between"] = "at least"
    unit: String = ""
    baseline: Finite | None = None
    target_upper: Finite | None = None
    relative: Literal["absolute", "change", "percent change"] = "absolute"
    platform: Platform | None = None
    category: Category | None = None
    awaits_baseline: bool = False
    survey_question: String = ""
    agree_from: Annotated[int, Field(ge=1, le=5)] = 4

    @field_validator("platform")
    @classmethod
    def fold_platform(cls, name: str | None) -> str | None:
        return None if name is None else _platform(name)

    @model_validator(mode="after")
    def range_is_whole(self) -> Metric:
        upper = self.target_upper
        if self.comparison != "between":
            if upper is not None:
                raise ValueError("no upper end unless the comparison is 'between'")
        elif self.target is not None and upper is None:
            raise ValueError("the upper end of the range 'between' sets")
        elif upper is not None and (self.target is None or upper < self.target):
            raise ValueError("an upper end of at least the target")
        if self.relative == "percent change":
            for value in (self.target, upper):
                if value is not None and value < -100:
                    raise ValueError("a change of at least -100 per cent")
        return self


class Goal(Strict):
    statement: Text
    kind: GoalKind = "other"
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
    platform: Platform
    handle: String = ""
    audiences: tuple[Text, ...] = ()
    goals: tuple[Text, ...] = ()
    owner: String | None = None
    cadence: Number | None = None
    automation: Automation = "manual"
    reviewer: String = ""
    minutes_per_post: Number | None = None
    kind: Literal["social network", "newsletter", "mailing list", "chat"] = "social network"
    cadence_upper: Number | None = None
    max_per_day: Annotated[int, Field(ge=1)] | None = None
    max_per_hour: Annotated[int, Field(ge=1)] | None = None
    automation_by_category: dict[Category, Automation] = Field(default_factory=dict)

    @field_validator("platform")
    @classmethod
    def fold_platform(cls, name: str) -> str:
        return _platform(name)

    @model_validator(mode="after")
    def range_is_whole(self) -> Channel:
        upper = self.cadence_upper
        if upper is not None and (self.cadence is None or upper < self.cadence):
            raise ValueError("an upper end of at least the cadence")
        return self


class ContentMix(Strict):
    promotional: Annotated[float, Field(ge=0, le=100)]
    curated: Annotated[float, Field(ge=0, le=100)]
    engagement: Annotated[float, Field(ge=0, le=100)]

    @model_validator(mode="after")
    def shares_add_up(self) -> ContentMix:
        if abs(self.promotional + self.curated + self.engagement - 100) > 0.01:
            raise ValueError("shares must add up to 100")
        return self


class TimeBudget(Strict):
    hours_per_week: Number
    boundaries: tuple[Text, ...] = ()


class Spend(Strict):
    channel: Text
    amount: Number


class MoneyBudget(Strict):
    amount: Number
    currency: String = ""
    period_weeks: Annotated[int, Field(ge=1)] = 4
    spend: tuple[Spend, ...] = ()


class Period(Strict):
    every: Annotated[int, Field(ge=1)] = 1
    unit: Literal["week", "month", "quarter", "year"] = "week"


def _unique(names: list[object], what: str) -> None:
    if len(set(names)) != len(names):
        raise ValueError(f"each {what} at most once")


class Direction(Strict):
    goals: tuple[Goal, ...] = ()
    ambition: String = ""


class Target(Strict):
    audiences: tuple[Audience, ...] = ()

    @model_validator(mode="after")
    def unique(self) -> Target:
        _unique([a.name.casefold() for a in self.audiences], "audience name")
        return self


class Uniqueness(Strict):
    differentiator: String = ""
    reasons: tuple[Text, ...] = ()
    competitors: tuple[Text, ...] = ()


class Technology(Strict):
    channels: tuple[Channel, ...] = ()
    content_mix: ContentMix | None = None
    rationale: String = ""
    monitors: tuple[Text, ...] = ()
    time_budget: TimeBudget | None = None
    money: MoneyBudget | None = None

    @model_validator(mode="after")
    def unique(self) -> Technology:
        _unique([(c.platform, c.handle.casefold()) for c in self.channels], "network and handle")
        return self


class Assessment(Strict):
    questions_for_us: tuple[Text, ...] = ()
    questions_for_customers: tuple[Text, ...] = ()
    reviewed_goals: tuple[Text, ...] = ()
    review_every: Period | None = None


class FiveStep(Strict):
    framework: Literal["five-step"]
    title: Text
    stage: Literal["traditional", "experimental", "operational", "high impact"] | None = None
    profile: Literal[tuple(p.value for p in sms.Profile)] | None = None  # type: ignore[valid-type]
    direction: Direction
    target: Target
    uniqueness: Uniqueness
    technology: Technology
    assessment: Assessment


def rows() -> list[Row]:
    """Structure the same data with both and compare their times in alternating rounds."""
    data = json.loads(sms.to_json(sms.example("five-step")))
    assert sms.from_dict(data) == sms.example("five-step")
    mirror = FiveStep.model_validate(data)
    assert mirror.direction.goals[0].metrics[0].target == 40_000
    library, pydantic, ratio = paired(
        lambda: sms.from_dict(data), lambda: FiveStep.model_validate(data), number=200
    )
    return [
        Row(
            "structure the five-step example from its data",
            "pydantic v2 on a mirror model",
            ratio,
            BUDGET,
            f"{library * 1e6:.0f} µs against {pydantic * 1e6:.0f} µs; the compass is {COMPASS:g}x",
        )
    ]


def main() -> None:
    """Print the row."""
    show(rows())


if __name__ == "__main__":
    main()
