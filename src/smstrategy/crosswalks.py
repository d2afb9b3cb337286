"""One plan seen through another framework.

:func:`crosswalk` carries a plan's content over to another framework field by
field: first where both have the same field at the same place, then by what
a field holds.  Fields of building blocks (audiences, goals, channels, the
content mix, the team, the policy, listening, the time budget…) are matched
by their type; other fields by the names in each framework's ``concepts``.
A step whose content is or extends a building block (the five-step Assessment
is a :class:`~smstrategy.Review`) travels whole to a field that holds that block,
and is filled whole from one.
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
    ['purpose.why', 'purpose.what', 'priorities.items']
    >>> result.plan.tactics.review.questions_for_customers[0]
    'What do you enjoy in our posts?'
"""

from __future__ import annotations

import types
import typing
from typing import Any, Generic, TypeVar

import attrs

from smstrategy import elements
from smstrategy.base import Framework, _fields, _is_framework_class
from smstrategy.exceptions import FrameworkDefinitionError, InvalidFieldTypeError
from smstrategy.markdown import label

__all__ = ["Crosswalk", "Gap", "crosswalk"]


F = TypeVar("F", bound=Framework)


@attrs.frozen(kw_only=True)
class Gap:
    """A field a crosswalk could not fill or could not carry, and why."""

    path: str
    step: str
    reason: str


@attrs.frozen(kw_only=True)
class Crosswalk(Generic[F]):
    """The plan a crosswalk made, with what it left behind and what is still to do."""

    plan: F
    #: Content of the original plan that has no place in the new one.
    not_carried: tuple[Gap, ...]
    #: Fields of the new plan that are still empty.
    to_fill: tuple[Gap, ...]


@attrs.frozen
class _Slot:
    path: str
    step: str  # the step's attribute name
    field: str  # "" for a whole step that extends a building block
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


def _block_of_step(kind: type) -> type | None:
    """Return the shared building block a step's content is or extends, if any."""
    blocks = (base for base in kind.__mro__ if base.__module__ == elements.__name__)
    return next((base for base in blocks if attrs.has(base)), None)


def _as(value: Any, kind: Any) -> Any:
    """Return *value* as the building block *kind*, when it is a near relative of it."""
    if not attrs.has(kind) or type(value) is kind:
        return value
    return kind(**{f.name: getattr(value, f.name) for f in attrs.fields(kind)})


def _slots(framework: type[Framework]) -> list[_Slot]:
    found = []
    for s in framework.steps():
        blank = _blank(s.type, framework)
        block = _block_of_step(s.type)
        if block is not None:
            found.append(_Slot(s.name, s.name, "", s.title, block, block, blank))
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


class _Walk:
    """The places of the new framework, and what has filled them so far."""

    def __init__(self, to: type[Framework]) -> None:
        self.to = to
        self.target = _slots(to)
        self.by_path = {slot.path: slot for slot in self.target}
        self.steps = {s.name for s in to.steps()}
        self.values = {slot.path: slot.blank for slot in self.target if slot.field}
        self.filled_from: dict[str, str] = {}

    def fill(self, home: _Slot, value: Any, origin: str) -> None:
        self.values[home.path] = value
        self.filled_from[home.path] = origin
        if home.step in self.by_path:  # the step is a block too: no longer free as a whole
            self.filled_from.setdefault(home.step, origin)

    def sort(self, plan: Framework, source: list[_Slot]) -> list[tuple[_Slot, Any]]:
        """Fill the places both frameworks share; return what must look for a place."""
        waiting: list[tuple[_Slot, Any]] = []
        whole: set[str] = set()  # steps that travel whole, so their fields do not travel alone
        for slot in source:
            if slot.step in whole:
                continue
            content = getattr(plan, slot.step)
            value = getattr(content, slot.field) if slot.field else content
            if value == slot.blank:
                continue
            same = self.by_path.get(slot.path)
            if not slot.field:
                if slot.step not in self.steps and any(_fits(slot, t) for t in self.target):
                    whole.add(slot.step)
                    waiting.append((slot, value))
            elif same is not None and same.hint == slot.hint:
                self.fill(same, value, slot.path)
            else:
                waiting.append((slot, value))
        # Building blocks find their places first; fields named by a concept take what is left.
        waiting.sort(key=lambda item: _concept_of(item[0].hint) is None)
        return waiting

    def place(self, slot: _Slot, value: Any) -> Gap | None:
        """Put *value* where it fits and is free; else say why it cannot be carried."""
        fitting = [t for t in self.target if _fits(slot, t)]
        home = next((t for t in fitting if t.path not in self.filled_from), None)
        if home is not None and home.field:
            self.fill(home, _as(value, home.hint), slot.path)
        elif home is not None:
            content = _as(value, type(home.blank))
            for part in self.target:
                if part.step == home.step and part.field:
                    self.fill(part, getattr(content, part.field), slot.path)
        else:
            name = label(slot.field or slot.step)
            reason = (
                f"{name} would go to {fitting[0].path}, "
                f"already filled from {self.filled_from[fitting[0].path]}"
                if fitting
                else f"{name} has no place in {self.to.name}"
            )
            return Gap(path=slot.path, step=slot.title, reason=reason)
        return None

    def build(self, kept: dict[str, Any]) -> Framework:
        steps = {}
        for s in self.to.steps():
            parts = [t for t in self.target if t.step == s.name and t.field]
            steps[s.name] = s.type(**{t.field: self.values[t.path] for t in parts})
        return self.to(**kept, **steps)

    def to_fill(self) -> tuple[Gap, ...]:
        return tuple(
            Gap(path=t.path, step=t.title, reason=f"Fill in {label(t.field).lower()}.")
            for t in self.target
            if t.field and t.path not in self.filled_from and self.values[t.path] == t.blank
        )


def crosswalk(plan: Framework, *, to: type[F]) -> Crosswalk[F]:
    """Carry *plan* over to the framework *to*; see the module's description."""
    if not isinstance(plan, Framework):
        raise InvalidFieldTypeError("crosswalk", "plan", "a plan (a Framework instance)", plan)
    if not _is_framework_class(to):
        raise InvalidFieldTypeError("crosswalk", "to", "a Framework class", to)
    source = _slots(type(plan))
    walk = _Walk(to)
    gaps = [walk.place(slot, value) for slot, value in walk.sort(plan, source)]
    place = {slot.path: i for i, slot in enumerate(source)}
    not_carried = sorted((gap for gap in gaps if gap), key=lambda gap: place[gap.path])
    kept, left = _plan_fields(plan, to)
    built = typing.cast("F", walk.build(kept))  # an instance of *to*, built from its fields
    return Crosswalk(plan=built, not_carried=(*not_carried, *left), to_fill=walk.to_fill())
