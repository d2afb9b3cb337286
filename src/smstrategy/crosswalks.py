"""One plan seen through another framework.

:func:`crosswalk` carries a plan's content over to another framework field by
field: first where both have the same field at the same place, then by what
a field holds.  Fields of building blocks (audiences, goals, channels, the
content mix, the team, the policy, listening, the time budget…) are matched
by their type; other fields by the names in each framework's ``concepts``.
Nothing is dropped silently: what has no place in the new plan is listed, and
so is what the new plan still needs::

    >>> import smstrategy as sms
    >>> result = sms.crosswalk(sms.example("five-step"), to=sms.Popt)
    >>> result.plan.objectives.goals == sms.example("five-step").direction.goals
    True
    >>> [gap.path for gap in result.not_carried][:2]
    ['direction.ambition', 'uniqueness.differentiator']
    >>> result.not_carried[1].reason
    'Differentiator has no place in Purpose, Objectives, Priorities, Tactics'
    >>> [gap.path for gap in result.to_fill]
    ['purpose.why', 'purpose.what', 'priorities.items', 'tactics.review']
"""

from __future__ import annotations

import types
import typing
from typing import Any

import attrs

from smstrategy.base import Framework, _fields, _is_framework_class
from smstrategy.exceptions import FrameworkDefinitionError, InvalidFieldTypeError
from smstrategy.markdown import label

__all__ = ["Crosswalk", "Gap", "crosswalk"]


@attrs.frozen(kw_only=True)
class Gap:
    """A field a crosswalk could not fill or could not carry, and why."""

    path: str
    step: str
    reason: str


@attrs.frozen(kw_only=True)
class Crosswalk:
    """The plan a crosswalk made, with what it left behind and what is still to do."""

    plan: Framework
    #: Content of the original plan that has no place in the new one.
    not_carried: tuple[Gap, ...]
    #: Fields of the new plan that are still empty.
    to_fill: tuple[Gap, ...]


@attrs.frozen
class _Slot:
    path: str
    step: str  # the step's attribute name
    field: str
    title: str  # the step's title
    hint: Any
    concept: Any
    blank: Any


def _concept_of(hint: Any) -> Any:
    """Return what a field holds, when it holds building blocks; else ``None``."""
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        kept = [arg for arg in args if arg is not type(None)]
        return _concept_of(kept[0]) if len(kept) == 1 else None
    if typing.get_origin(hint) is tuple:
        return ("many", _concept_of(args[0])) if _concept_of(args[0]) is not None else None
    return hint if attrs.has(hint) else None


def _blank(kind: type, framework: type[Framework]) -> Any:
    try:
        return kind()
    except TypeError:
        msg = (
            f"{framework.__name__}: a crosswalk starts from blank steps, and "
            f"{kind.__name__} cannot be made without arguments"
        )
        raise FrameworkDefinitionError(msg) from None


def _slots(framework: type[Framework]) -> list[_Slot]:
    found = []
    for s in framework.steps():
        blank = _blank(s.type, framework)
        hints = typing.get_type_hints(s.type)
        for field in attrs.fields(s.type):
            path = f"{s.name}.{field.name}"
            hint = hints[field.name]
            concept = framework.concepts.get(path) or _concept_of(hint)
            found.append(
                _Slot(path, s.name, field.name, s.title, hint, concept, getattr(blank, field.name))
            )
    return found


def _fits(source: _Slot, target: _Slot) -> bool:
    """Whether a source field's content can fill a target field."""
    if source.concept is None or source.concept != target.concept:
        return False
    # Building blocks fit whatever the optionality; named concepts need one type.
    return _concept_of(source.hint) is not None or source.hint == target.hint


def _plan_fields(plan: Framework, to: type[Framework]) -> tuple[dict[str, Any], list[Gap]]:
    """Split the plan's own fields (title, stage…) into those *to* has and those it lacks."""
    step_names = {s.name for s in type(plan).steps()} | {s.name for s in to.steps()}
    accepted = {f.name for f in _fields(to)} - step_names
    kept: dict[str, Any] = {}
    left: list[Gap] = []
    for field in _fields(type(plan)):
        if field.name in step_names:
            continue
        value = getattr(plan, field.name)
        if field.name in accepted:
            kept[field.name] = value
        elif value != field.default:
            reason = f"{label(field.name)} has no place in {to.name}"
            left.append(Gap(path=field.name, step="", reason=reason))
    return kept, left


def crosswalk(plan: Framework, *, to: type[Framework]) -> Crosswalk:
    """Carry *plan* over to the framework *to*; see the module's description."""
    if not isinstance(plan, Framework):
        raise InvalidFieldTypeError("crosswalk", "plan", "a plan (a Framework instance)", plan)
    if not _is_framework_class(to):
        raise InvalidFieldTypeError("crosswalk", "to", "a Framework class", to)
    source = _slots(type(plan))
    target = _slots(to)
    by_path = {slot.path: slot for slot in target}
    values: dict[str, Any] = {slot.path: slot.blank for slot in target}
    filled_from: dict[str, str] = {}
    not_carried: list[Gap] = []
    waiting: list[tuple[_Slot, Any]] = []
    for slot in source:
        value = getattr(getattr(plan, slot.step), slot.field)
        if value == slot.blank:
            continue
        same = by_path.get(slot.path)
        if same is not None and same.hint == slot.hint:
            values[slot.path] = value
            filled_from[slot.path] = slot.path
        else:
            waiting.append((slot, value))
    for slot, value in waiting:
        home = next((t for t in target if _fits(slot, t) and t.path not in filled_from), None)
        if home is not None:
            values[home.path] = value
            filled_from[home.path] = slot.path
            continue
        taken = next((t for t in target if _fits(slot, t)), None)
        reason = (
            f"{label(slot.field)} has no place in {to.name}"
            if taken is None
            else f"{label(slot.field)} would go to {taken.path}, "
            f"already filled from {filled_from[taken.path]}"
        )
        not_carried.append(Gap(path=slot.path, step=slot.title, reason=reason))
    steps = {}
    for s in to.steps():
        fields = {t.field: values[t.path] for t in target if t.step == s.name}
        steps[s.name] = s.type(**fields)
    kept, left = _plan_fields(plan, to)
    not_carried += left
    built = to(**kept, **steps)
    to_fill = tuple(
        Gap(path=t.path, step=t.title, reason=f"Fill in {label(t.field).lower()}.")
        for t in target
        if t.path not in filled_from and values[t.path] == t.blank
    )
    return Crosswalk(plan=built, not_carried=tuple(not_carried), to_fill=to_fill)
