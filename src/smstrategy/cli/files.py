"""The files the command line reads and writes; ``-`` is standard input or output.

Plans are JSON or TOML, told apart by the file's suffix, or tried as both
(standard input has no suffix).  Every problem is a :class:`Failure` of one
line that names the file and shows no more than a short excerpt of the input.
"""

from __future__ import annotations

import sys
import tomllib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import attrs

from smstrategy.cli.settings import Failure
from smstrategy.exceptions import StructureError
from smstrategy.nesting import MAX_DEPTH, parse_json, refuse_deep

__all__ = ["STDIO", "Source", "read_plan", "read_results", "write"]

#: The file name that means standard input, or standard output.
STDIO = "-"
#: The most problems a message names; the rest are counted.
_SHOWN = 3
#: The longest a problem is shown.
_PROBLEM = 200


@attrs.frozen(kw_only=True)
class Source:
    """A file the command read: its name, its text, its syntax and the value it made."""

    name: str
    text: str
    #: ``"json"`` or ``"toml"``.
    syntax: str
    value: Any


def _read_text(name: str) -> str:
    if name == STDIO:
        return sys.stdin.read().removeprefix("\ufeff")
    try:
        return Path(name).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise Failure(f"{name}: no such file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise Failure(f"{name}: cannot be read ({_cut(str(e))})") from None


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _PROBLEM else text[: _PROBLEM - 3] + "..."


def problems(error: StructureError) -> str:
    """Say a structure error's first problems in one line, and count the rest."""
    shown = [_cut(p) for p in error.problems[:_SHOWN]]
    more = len(error.problems) - _SHOWN
    if more > 0:
        shown.append(f"and {more} more")
    return "; ".join(shown)


def _parse(name: str, text: str, syntax: str) -> Any:
    try:
        if syntax == "json":
            return parse_json(text)
        data = tomllib.loads(text)
        refuse_deep(data)
    except StructureError as e:  # "$: not valid JSON (...)" or "$...: nested deeper than..."
        raise Failure(f"{name}: {problems(e).removeprefix('$: ')}") from None
    except tomllib.TOMLDecodeError as e:
        raise Failure(f"{name}: not valid TOML ({_cut(str(e))})") from None
    except RecursionError:
        raise Failure(f"{name}: nested deeper than {MAX_DEPTH} levels") from None
    return data


def _syntaxes(name: str) -> Iterable[str]:
    suffix = Path(name).suffix.lower()
    if suffix in (".json", ".toml"):
        return (suffix[1:],)
    return ("json", "toml")


def read(name: str, make: Callable[[Any], Any], what: str) -> Source:
    """Read *name* as JSON or TOML and make a value of its data; say what is wrong if it fails."""
    text = _read_text(name)
    tried = tuple(_syntaxes(name))
    for syntax in tried:
        try:
            data = _parse(name, text, syntax)
        except Failure:
            if len(tried) == 1:
                raise
            continue
        break
    else:
        raise Failure(f"{name}: neither JSON nor TOML")
    try:
        value = make(data)
    except StructureError as e:
        raise Failure(f"{name}: not a valid {what}: {problems(e)}") from None
    return Source(name=name, text=text, syntax=syntax, value=value)


def read_plan(name: str) -> Source:
    """Read a plan file; a content plan's file (``"kind": "content-plan"``) is read as one."""
    import smstrategy

    def make(data: Any) -> Any:
        if isinstance(data, dict) and data.get("kind") == smstrategy.ContentPlan.key:
            return smstrategy.from_dict(data, smstrategy.ContentPlan)
        return smstrategy.from_dict(data)

    return read(name, make, "plan")


def read_results(name: str) -> Any:
    """Read results: CSV by its suffix, otherwise JSON or TOML as for plans."""
    import smstrategy

    if Path(name).suffix.lower() == ".csv":
        try:
            return smstrategy.read_results_csv(_read_text(name))
        except smstrategy.StructureError as e:
            raise Failure(f"{name}: not valid results: {problems(e)}") from None
    made = read(name, lambda data: smstrategy.from_dict(data, smstrategy.Results), "set of results")
    return made.value


def refuse_overwrite(output: str | None, inputs: Iterable[str | None]) -> None:
    """Refuse an output file that is one of the input files."""
    if output is None or output == STDIO:
        return
    target = Path(output).resolve()
    for name in inputs:
        if name is not None and name != STDIO and Path(name).resolve() == target:
            raise Failure(f"-o {output}: is the input file {name}; write to another file")


def write_bytes(data: bytes, output: str) -> None:
    """Write *data* to the file *output*."""
    try:
        Path(output).write_bytes(data)
    except OSError as e:
        raise Failure(f"{output}: cannot be written ({_cut(e.strerror or str(e))})") from None


def write(text: str, output: str | None) -> None:
    """Write *text* to the file *output*, or to standard output."""
    if output is None or output == STDIO:
        sys.stdout.write(text)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as e:
        raise Failure(f"{output}: cannot be written ({_cut(e.strerror or str(e))})") from None
