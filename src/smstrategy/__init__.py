"""Social-media strategy frameworks as typed, immutable objects.

Fill in a framework, check the plan against the frameworks' advice, render it::

    >>> import smstrategy as sms
    >>> plan = sms.example("five-step")
    >>> [s.title for s in sms.FiveStep.steps()]
    ['A Direction', 'A Target', 'Uniqueness', 'Technology', 'Assessment']
    >>> sms.get_framework("popt").name
    'Purpose, Objectives, Priorities, Tactics'
    >>> [key for key in sms.frameworks()][:4]
    ['five-step', 'eight-step', 'popt', 'roadmap']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from smstrategy.audit import Account, Audit
from smstrategy.calendar import ContentPlan, build_calendar, to_ical, weeks_of
from smstrategy.crosswalk import Crosswalk, Gap, crosswalk
from smstrategy.elements import (
    Audience,
    Automation,
    Calendar,
    Channel,
    ContentCategory,
    ContentMix,
    Goal,
    GoalKind,
    ListeningPanel,
    Member,
    Metric,
    Platform,
    Policy,
    Post,
    PostStatus,
    Priority,
    Team,
    TimeBudget,
)
from smstrategy.examples import example
from smstrategy.exceptions import (
    DuplicateRegistrationError,
    FrameworkDefinitionError,
    InvalidFieldTypeError,
    InvalidFieldValueError,
    InvalidPlanError,
    MissingExtraError,
    RenderError,
    SmstrategyError,
    StructureError,
    TemplateSecurityError,
    UnknownFrameworkError,
)
from smstrategy.framework import Framework, Step, framework, frameworks, get_framework, step
from smstrategy.frameworks import EightStep, FiveStep, Popt, Roadmap
from smstrategy.frameworks.eight_step import (
    AudienceAnalysis,
    BuildAnArk,
    ChannelPlan,
    Humanization,
    ListenAndCompare,
    OneThing,
    SuccessMetrics,
    ThePoint,
)
from smstrategy.frameworks.five_step import Assessment, Direction, Target, Technology, Uniqueness
from smstrategy.frameworks.popt import Objectives, Priorities, Purpose, Tactics
from smstrategy.frameworks.roadmap import (
    ActionPlan,
    ContentStrategy,
    EffortMeasurement,
    Followers,
    MarketingSupport,
    Measurement,
    Messages,
    Reach,
    SuccessDefinition,
    Workforce,
)
from smstrategy.journey import Evidence, Position, assess, evidence_from
from smstrategy.revisions import Change, ChangeKind, Diff, diff, identity
from smstrategy.rules import (
    Context,
    Finding,
    Flag,
    Guidelines,
    Report,
    Rule,
    RuleError,
    Severity,
    check,
    registered_rules,
    rule,
    unregister_rule,
)
from smstrategy.stages import Sign, Stage

if TYPE_CHECKING:
    from smstrategy.convert import from_dict, from_json, to_dict, to_json
    from smstrategy.rendering import render, worksheet

__all__ = [
    "Account",
    "ActionPlan",
    "Assessment",
    "Audience",
    "AudienceAnalysis",
    "Audit",
    "Automation",
    "BuildAnArk",
    "Calendar",
    "Change",
    "ChangeKind",
    "Channel",
    "ChannelPlan",
    "ContentCategory",
    "ContentMix",
    "ContentPlan",
    "ContentStrategy",
    "Context",
    "Crosswalk",
    "Diff",
    "Direction",
    "DuplicateRegistrationError",
    "EffortMeasurement",
    "EightStep",
    "Evidence",
    "Finding",
    "FiveStep",
    "Flag",
    "Followers",
    "Framework",
    "FrameworkDefinitionError",
    "Gap",
    "Goal",
    "GoalKind",
    "Guidelines",
    "Humanization",
    "InvalidFieldTypeError",
    "InvalidFieldValueError",
    "InvalidPlanError",
    "ListenAndCompare",
    "ListeningPanel",
    "MarketingSupport",
    "Measurement",
    "Member",
    "Messages",
    "Metric",
    "MissingExtraError",
    "Objectives",
    "OneThing",
    "Platform",
    "Policy",
    "Popt",
    "Position",
    "Post",
    "PostStatus",
    "Priorities",
    "Priority",
    "Purpose",
    "Reach",
    "RenderError",
    "Report",
    "Roadmap",
    "Rule",
    "RuleError",
    "Severity",
    "Sign",
    "SmstrategyError",
    "Stage",
    "Step",
    "StructureError",
    "SuccessDefinition",
    "SuccessMetrics",
    "Tactics",
    "Target",
    "Team",
    "Technology",
    "TemplateSecurityError",
    "ThePoint",
    "TimeBudget",
    "Uniqueness",
    "UnknownFrameworkError",
    "Workforce",
    "assess",
    "build_calendar",
    "check",
    "crosswalk",
    "diff",
    "evidence_from",
    "example",
    "framework",
    "frameworks",
    "from_dict",
    "from_json",
    "get_framework",
    "identity",
    "registered_rules",
    "render",
    "rule",
    "step",
    "to_dict",
    "to_ical",
    "to_json",
    "unregister_rule",
    "weeks_of",
    "worksheet",
]


_LAZY = {
    "from_dict": "smstrategy.convert",
    "from_json": "smstrategy.convert",
    "render": "smstrategy.rendering",
    "to_dict": "smstrategy.convert",
    "to_json": "smstrategy.convert",
    "worksheet": "smstrategy.rendering",
}


def __getattr__(name: str) -> Any:
    """Load heavy parts on first use: Jinja2, cattrs, and package metadata for the version."""
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    if name == "__version__":
        from importlib.metadata import version

        return version("smstrategy")
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
