"""What a run of the command line is told: its settings, from pyproject.toml and the options.

Settings live in the nearest ``pyproject.toml`` with a ``[tool.smstrategy]``
table, looked for from the working directory upwards::

    [tool.smstrategy]
    select = ["SMS1", "SMS2"]
    ignore = ["SMS131"]
    fail-on = "warning"
    plugins = ["sostac"]

    [tool.smstrategy.guidelines]
    max_channels = 2

Options given on the command line win over the file's.
"""

from __future__ import annotations

import difflib
import functools
import importlib
import importlib.metadata
import os
import sys
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from smstrategy.exceptions import excerpt

__all__ = [
    "FAIL_ON",
    "PLUGIN_GROUP",
    "Failure",
    "Settings",
    "codes",
    "find_settings",
    "load_plugins",
]

#: The entry-point group whose entries are imported before any command runs.
PLUGIN_GROUP = "smstrategy.plugins"
#: The severities ``--fail-on`` takes, and which findings each one fails on.
FAIL_ON: Mapping[str, tuple[str, ...]] = {
    "error": ("error",),
    "warning": ("error", "warning"),
    "advice": ("error", "warning", "advice"),
}
_TABLE = "smstrategy"
_KEYS = ("select", "ignore", "fail-on", "guidelines", "plugins")


class Failure(Exception):  # noqa: N818  # becomes exit status 2 with its message
    """A problem with what the command was given, said in one line."""


@attrs.frozen(kw_only=True)
class Settings:
    """The settings of one run: from a pyproject.toml, then from the options."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    fail_on: str = "error"
    #: Thresholds to change in the guidelines the plan is held to, by field name.
    guidelines: Mapping[str, Any] = attrs.field(factory=dict)
    plugins: tuple[str, ...] = ()
    #: The file the settings came from, if any; plugins are imported from its folder.
    source: Path | None = None


def find_settings(start: Path) -> Settings:
    """Return the settings in the nearest pyproject.toml with a ``[tool.smstrategy]`` table."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if not candidate.is_file():
            continue
        try:
            data = tomllib.loads(candidate.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
            raise Failure(f"{candidate}: cannot be read ({e})") from None
        table = data.get("tool", {}).get(_TABLE)
        if table is not None:
            return _settings(table, candidate)
    return Settings()


def _settings(table: object, source: Path) -> Settings:
    where = f"{source}: [tool.{_TABLE}]"
    if not isinstance(table, dict):
        raise Failure(f"{where}: expected a table, got {excerpt(table)}")
    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        raise Failure(
            f"{where}: unknown key(s) {', '.join(map(excerpt, unknown[:5]))}; "
            f"known: {', '.join(_KEYS)}"
        )
    fail_on = table.get("fail-on", "error")
    if fail_on not in FAIL_ON:
        raise Failure(
            f"{where}.fail-on: expected one of {', '.join(FAIL_ON)}, got {excerpt(fail_on)}"
        )
    guidelines = table.get("guidelines", {})
    if not isinstance(guidelines, dict):
        raise Failure(f"{where}.guidelines: expected a table, got {excerpt(guidelines)}")
    return Settings(
        select=_list(table, "select", where),
        ignore=_list(table, "ignore", where),
        fail_on=fail_on,
        guidelines=guidelines,
        plugins=_list(table, "plugins", where) or (),
        source=source,
    )


def _list(table: Mapping[str, Any], key: str, where: str) -> tuple[str, ...] | None:
    value = table.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        return split(value)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise Failure(f"{where}.{key}: expected a list of strings, got {excerpt(value)}")
    return tuple(item for text in value for item in split(text))


def split(text: str) -> tuple[str, ...]:
    """Split a comma list, such as ``"SMS1, SMS201"``, into its items."""
    return tuple(item.strip() for item in text.split(",") if item.strip())


def merged(settings: Settings, **options: Any) -> Settings:
    """Return *settings* with every option that was given (not ``None``) replacing its own."""
    given = {name: value for name, value in options.items() if value is not None}
    return attrs.evolve(settings, **given)


def load_plugins(names: Iterable[str], folder: Path) -> None:
    """Import the plugins' modules, and every entry point in :data:`PLUGIN_GROUP`.

    *folder* is put first on the module search path while they are imported,
    so that a project's own modules are found as they are in its tests.
    """
    loaders: list[tuple[str, Callable[[], object]]] = [
        (entry.name, entry.load) for entry in importlib.metadata.entry_points(group=PLUGIN_GROUP)
    ]
    loaders += [(name, functools.partial(importlib.import_module, name)) for name in names]
    sys.path.insert(0, str(folder))
    try:
        for name, load in loaders:
            try:
                load()
            except Exception as e:  # noqa: BLE001  # any failure of a plugin is reported as one
                message = " ".join(str(e).split())[:200]
                raise Failure(f"plugin {excerpt(name)}: {type(e).__name__}: {message}") from None
    finally:
        sys.path.remove(str(folder))


def codes(option: str, items: Sequence[str], known: Sequence[str]) -> tuple[str, ...]:
    """Check that each code or prefix in *items* matches a registered rule's code.

    Raise :class:`Failure` naming the closest codes for one that matches none.
    """
    chosen = tuple(item.upper() for item in items)
    for item in chosen:
        if not any(code.startswith(item) for code in known):
            closest = _closest(item, known)
            hint = f"; closest: {', '.join(closest)}" if closest else ""
            raise Failure(f"{option}: {excerpt(item)} matches no rule's code{hint}")
    return chosen


def _closest(item: str, known: Sequence[str]) -> list[str]:
    """Return up to three codes most like *item*.

    Most characters in common come first, then the longest start in common.
    """
    scored = []
    for code in known:
        ratio = difflib.SequenceMatcher(None, code, item).ratio()
        if ratio >= 0.5:  # noqa: PLR2004  # half the characters in common
            start = len(os.path.commonprefix([code, item]))  # noqa: RUF071  # by character
            scored.append((-ratio, -start, code))
    return [code for *_, code in sorted(scored)[:3]]
