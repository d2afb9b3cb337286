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
        Comparison,
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
    from smstrategy.examples import example, example_results
    from smstrategy.i18n import Language, Message, language, languages
    from smstrategy.journey import Evidence, Position, assess, evidence_from
    from smstrategy.pace import Status
    from smstrategy.rendering import render, worksheet
    from smstrategy.results import Feedback, Observation, Results, Voice
    from smstrategy.results_csv import read_results_csv, results_to_csv
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
    from smstrategy.scorecards import (
        FeedbackSummary,
        GoalScore,
        MetricScore,
        Part,
        Scorecard,
        scorecard,
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
    "Comparison",
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
    "Feedback",
    "FeedbackSummary",
    "Finding",
    "FiveStep",
    "Flag",
    "Followers",
    "Framework",
    "FrameworkDefinitionError",
    "Gap",
    "Goal",
    "GoalKind",
    "GoalScore",
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
    "MetricScore",
    "MissingExtraError",
    "Objectives",
    "Observation",
    "OneThing",
    "Part",
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
    "Results",
    "Roadmap",
    "Rule",
    "RuleError",
    "Scorecard",
    "Severity",
    "Sign",
    "SmstrategyError",
    "Stage",
    "Status",
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
    "Voice",
    "Workforce",
    "assess",
    "build_calendar",
    "check",
    "crosswalk",
    "diff",
    "evidence_from",
    "example",
    "example_results",
    "framework",
    "frameworks",
    "from_dict",
    "from_json",
    "get_framework",
    "identity",
    "language",
    "languages",
    "read_results_csv",
    "registered_rules",
    "render",
    "results_to_csv",
    "rule",
    "scorecard",
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
    "Comparison": "smstrategy.elements",
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
    "Feedback": "smstrategy.results",
    "FeedbackSummary": "smstrategy.scorecards",
    "Finding": "smstrategy.rules",
    "FiveStep": "smstrategy.built_in",
    "Flag": "smstrategy.rules",
    "Followers": "smstrategy.built_in.roadmap",
    "Framework": "smstrategy.base",
    "Gap": "smstrategy.crosswalks",
    "Goal": "smstrategy.elements",
    "GoalKind": "smstrategy.elements",
    "GoalScore": "smstrategy.scorecards",
    "Guidelines": "smstrategy.rules",
    "Humanization": "smstrategy.built_in.eight_step",
    "Language": "smstrategy.i18n",
    "ListenAndCompare": "smstrategy.built_in.eight_step",
    "ListeningPanel": "smstrategy.elements",
    "MarketingSupport": "smstrategy.built_in.roadmap",
    "Measurement": "smstrategy.built_in.roadmap",
    "Member": "smstrategy.elements",
    "Message": "smstrategy.i18n",
    "Messages": "smstrategy.built_in.roadmap",
    "Metric": "smstrategy.elements",
    "MetricScore": "smstrategy.scorecards",
    "Objectives": "smstrategy.built_in.popt",
    "Observation": "smstrategy.results",
    "OneThing": "smstrategy.built_in.eight_step",
    "Part": "smstrategy.scorecards",
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
    "Results": "smstrategy.results",
    "Roadmap": "smstrategy.built_in",
    "Rule": "smstrategy.rules",
    "RuleError": "smstrategy.rules",
    "Scorecard": "smstrategy.scorecards",
    "Severity": "smstrategy.rules",
    "Sign": "smstrategy.stages",
    "Stage": "smstrategy.stages",
    "Status": "smstrategy.pace",
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
    "Voice": "smstrategy.results",
    "Workforce": "smstrategy.built_in.roadmap",
    "assess": "smstrategy.journey",
    "build_calendar": "smstrategy.calendar",
    "check": "smstrategy.rules",
    "crosswalk": "smstrategy.crosswalks",
    "diff": "smstrategy.revisions",
    "evidence_from": "smstrategy.journey",
    "example": "smstrategy.examples",
    "example_results": "smstrategy.examples",
    "framework": "smstrategy.base",
    "frameworks": "smstrategy.base",
    "from_dict": "smstrategy.convert",
    "from_json": "smstrategy.convert",
    "get_framework": "smstrategy.base",
    "identity": "smstrategy.revisions",
    "language": "smstrategy.i18n",
    "languages": "smstrategy.i18n",
    "read_results_csv": "smstrategy.results_csv",
    "registered_rules": "smstrategy.rules",
    "render": "smstrategy.rendering",
    "results_to_csv": "smstrategy.results_csv",
    "rule": "smstrategy.rules",
    "scorecard": "smstrategy.scorecards",
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
        "pace",
        "rendering",
        "results",
        "results_csv",
        "revisions",
        "rules",
        "scorecards",
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
