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

import importlib
from typing import TYPE_CHECKING, Any

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
    UnknownLanguageError,
)

if TYPE_CHECKING:
    from smstrategy.audit import Account, Audit
    from smstrategy.base import Framework, Step, framework, frameworks, get_framework, step
    from smstrategy.built_in import EightStep, FiveStep, Popt, Roadmap
    from smstrategy.built_in.eight_step import (
        AudienceAnalysis,
        BuildAnArk,
        ChannelPlan,
        Humanization,
        ListenAndCompare,
        OneThing,
        SuccessMetrics,
        ThePoint,
    )
    from smstrategy.built_in.five_step import (
        Assessment,
        Direction,
        Target,
        Technology,
        Uniqueness,
    )
    from smstrategy.built_in.popt import Objectives, Priorities, Purpose, Tactics
    from smstrategy.built_in.roadmap import (
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
    from smstrategy.calendar import ContentPlan, build_calendar, to_ical, weeks_of
    from smstrategy.convert import from_dict, from_json, to_dict, to_json
    from smstrategy.crosswalks import Crosswalk, Gap, crosswalk
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
    from smstrategy.i18n import Language, Message, language, languages
    from smstrategy.journey import Evidence, Position, assess, evidence_from
    from smstrategy.rendering import render, worksheet
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
    "Language",
    "ListenAndCompare",
    "ListeningPanel",
    "MarketingSupport",
    "Measurement",
    "Member",
    "Message",
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
    "UnknownLanguageError",
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
    "language",
    "languages",
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

#: Where each public name lives.  Modules load on first use of one of their
#: names, so that ``import smstrategy`` costs next to nothing: the frameworks,
#: the rules, Jinja2 and cattrs load only when a program reaches for them.
_LAZY = {
    "Account": "smstrategy.audit",
    "ActionPlan": "smstrategy.built_in.roadmap",
    "Assessment": "smstrategy.built_in.five_step",
    "Audience": "smstrategy.elements",
    "AudienceAnalysis": "smstrategy.built_in.eight_step",
    "Audit": "smstrategy.audit",
    "Automation": "smstrategy.elements",
    "BuildAnArk": "smstrategy.built_in.eight_step",
    "Calendar": "smstrategy.elements",
    "Change": "smstrategy.revisions",
    "ChangeKind": "smstrategy.revisions",
    "Channel": "smstrategy.elements",
    "ChannelPlan": "smstrategy.built_in.eight_step",
    "ContentCategory": "smstrategy.elements",
    "ContentMix": "smstrategy.elements",
    "ContentPlan": "smstrategy.calendar",
    "ContentStrategy": "smstrategy.built_in.roadmap",
    "Context": "smstrategy.rules",
    "Crosswalk": "smstrategy.crosswalks",
    "Diff": "smstrategy.revisions",
    "Direction": "smstrategy.built_in.five_step",
    "EffortMeasurement": "smstrategy.built_in.roadmap",
    "EightStep": "smstrategy.built_in",
    "Evidence": "smstrategy.journey",
    "Language": "smstrategy.i18n",
    "Message": "smstrategy.i18n",
    "language": "smstrategy.i18n",
    "languages": "smstrategy.i18n",
    "Finding": "smstrategy.rules",
    "FiveStep": "smstrategy.built_in",
    "Flag": "smstrategy.rules",
    "Followers": "smstrategy.built_in.roadmap",
    "Framework": "smstrategy.base",
    "Gap": "smstrategy.crosswalks",
    "Goal": "smstrategy.elements",
    "GoalKind": "smstrategy.elements",
    "Guidelines": "smstrategy.rules",
    "Humanization": "smstrategy.built_in.eight_step",
    "ListenAndCompare": "smstrategy.built_in.eight_step",
    "ListeningPanel": "smstrategy.elements",
    "MarketingSupport": "smstrategy.built_in.roadmap",
    "Measurement": "smstrategy.built_in.roadmap",
    "Member": "smstrategy.elements",
    "Messages": "smstrategy.built_in.roadmap",
    "Metric": "smstrategy.elements",
    "Objectives": "smstrategy.built_in.popt",
    "OneThing": "smstrategy.built_in.eight_step",
    "Platform": "smstrategy.elements",
    "Policy": "smstrategy.elements",
    "Popt": "smstrategy.built_in",
    "Position": "smstrategy.journey",
    "Post": "smstrategy.elements",
    "PostStatus": "smstrategy.elements",
    "Priorities": "smstrategy.built_in.popt",
    "Priority": "smstrategy.elements",
    "Purpose": "smstrategy.built_in.popt",
    "Reach": "smstrategy.built_in.roadmap",
    "Report": "smstrategy.rules",
    "Roadmap": "smstrategy.built_in",
    "Rule": "smstrategy.rules",
    "RuleError": "smstrategy.rules",
    "Severity": "smstrategy.rules",
    "Sign": "smstrategy.stages",
    "Stage": "smstrategy.stages",
    "Step": "smstrategy.base",
    "SuccessDefinition": "smstrategy.built_in.roadmap",
    "SuccessMetrics": "smstrategy.built_in.eight_step",
    "Tactics": "smstrategy.built_in.popt",
    "Target": "smstrategy.built_in.five_step",
    "Team": "smstrategy.elements",
    "Technology": "smstrategy.built_in.five_step",
    "ThePoint": "smstrategy.built_in.eight_step",
    "TimeBudget": "smstrategy.elements",
    "Uniqueness": "smstrategy.built_in.five_step",
    "Workforce": "smstrategy.built_in.roadmap",
    "assess": "smstrategy.journey",
    "build_calendar": "smstrategy.calendar",
    "check": "smstrategy.rules",
    "crosswalk": "smstrategy.crosswalks",
    "diff": "smstrategy.revisions",
    "evidence_from": "smstrategy.journey",
    "example": "smstrategy.examples",
    "framework": "smstrategy.base",
    "frameworks": "smstrategy.base",
    "from_dict": "smstrategy.convert",
    "from_json": "smstrategy.convert",
    "get_framework": "smstrategy.base",
    "identity": "smstrategy.revisions",
    "registered_rules": "smstrategy.rules",
    "render": "smstrategy.rendering",
    "rule": "smstrategy.rules",
    "step": "smstrategy.base",
    "to_dict": "smstrategy.convert",
    "to_ical": "smstrategy.calendar",
    "to_json": "smstrategy.convert",
    "unregister_rule": "smstrategy.rules",
    "weeks_of": "smstrategy.calendar",
    "worksheet": "smstrategy.rendering",
}
#: Submodules that can be reached as attributes, such as ``smstrategy.elements``.
_SUBMODULES = frozenset(
    {
        "audit",
        "base",
        "calendar",
        "convert",
        "crosswalks",
        "elements",
        "examples",
        "built_in",
        "i18n",
        "journey",
        "markdown",
        "rendering",
        "revisions",
        "rules",
        "stages",
        "strategies",
        "validators",
        "views",
    }
)


def __getattr__(name: str) -> Any:
    """Load a public name's module on first use, or compute ``__version__``."""
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    if name == "__version__":
        from importlib.metadata import version

        return version("smstrategy")
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
