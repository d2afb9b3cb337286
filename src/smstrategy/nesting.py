"""How deeply the data the library reads may nest, and JSON read within that limit.

No plan nests anywhere near :data:`MAX_DEPTH` levels (a metric inside a goal
inside a step is five), so data nested deeper is refused before anything
else reads it, with the path where it passes the limit; Python's own limit
on recursion is never reached::

    >>> import smstrategy as sms
    >>> deep = {"framework": "popt", "title": [[[[["..."]]]]]}
    >>> from smstrategy.nesting import deeper_than
    >>> deeper_than(deep, 4)
    '$.title[0][0][0]'
"""

from __future__ import annotations

import collections
import itertools
import json
import json.decoder
import json.scanner
import typing
from collections.abc import Callable, Mapping
from typing import Any

from smstrategy.exceptions import StructureError, excerpt

__all__ = ["MAX_DEPTH", "deeper_than", "parse_json", "refuse_deep"]

#: The most levels of objects and lists that data may nest.
MAX_DEPTH = 100
#: What nests: objects and lists as JSON and TOML readers make them (dicts and lists), and
#: tuples.  Plain types, so that telling them from a number costs the least.
_NESTING = (list, dict, tuple)
#: The longest path a message writes out; longer ones keep their two ends.
_PATH_SHOWN = 120


def _step(key: object) -> str:
    if isinstance(key, int) and not isinstance(key, bool):
        return f"[{key}]"
    if isinstance(key, str) and key.isidentifier():
        return f".{key}"
    return f"[{excerpt(key)}]"


def deeper_than(data: object, limit: int = MAX_DEPTH) -> str | None:
    """Return the path of the first object or list nested deeper than *limit*, or ``None``.

    The data is walked without recursion, so no depth is too much for the walk.
    """
    if not isinstance(data, (*_NESTING, Mapping)):
        return None
    pending: list[tuple[object, str, int]] = [(data, "$", 0)]
    while pending:
        value, path, depth = pending.pop()
        if depth >= limit:
            return path
        if isinstance(value, Mapping):
            items: Any = value.items()
            inner: Any = value.values()
        else:
            items, inner = enumerate(typing.cast("list[object]", value)), value
        # Only the items that nest go on: picked by built-ins alone, so that a flat list of
        # millions of numbers costs no Python code per item.
        nested = itertools.compress(items, map(isinstance, inner, itertools.repeat(_NESTING)))
        pending.extend((item, path + _step(key), depth + 1) for key, item in nested)
    return None


def _shown(path: str) -> str:
    half = _PATH_SHOWN // 2
    return path if len(path) <= _PATH_SHOWN else f"{path[:half]}...{path[-half:]}"


def refuse_deep(data: object) -> None:
    """Raise :class:`StructureError` if *data* nests deeper than :data:`MAX_DEPTH` levels."""
    path = deeper_than(data)
    if path is not None:
        raise StructureError([f"{_shown(path)}: nested deeper than {MAX_DEPTH} levels"])


class _TooDeep(Exception):  # noqa: N818  # internal: never leaves this module
    def __init__(self, offset: int) -> None:
        super().__init__(offset)
        self.offset = offset


def _counting(parse: Callable[..., Any], depth: list[int]) -> Callable[..., Any]:
    """Wrap the decoder's parser of objects or of arrays so that it counts the levels."""

    def parse_nested(s_and_end: tuple[str, int], *rest: Any) -> Any:
        if depth[0] >= MAX_DEPTH:
            raise _TooDeep(s_and_end[1] - 1)
        depth[0] += 1
        try:
            return parse(s_and_end, *rest)
        finally:
            depth[0] -= 1

    return parse_nested


def _where_too_deep(text: str) -> str:
    """Find where *text*, JSON too deep for the fast decoder, passes the limit: line and column.

    The standard library's pure-Python decoder is run with its parsers of
    objects and arrays counting levels, so it stops at the limit.
    """
    decoder: Any = json.JSONDecoder()
    depth = [0]
    parsers = vars(json.decoder)  # the pure-Python parsers, which the stubs do not list
    decoder.parse_object = _counting(parsers["JSONObject"], depth)
    decoder.parse_array = _counting(parsers["JSONArray"], depth)
    decoder.scan_once = vars(json.scanner)["py_make_scanner"](decoder)
    try:
        decoder.decode(text)
    except _TooDeep as e:
        line = text.count("\n", 0, e.offset) + 1
        column = e.offset - text.rfind("\n", 0, e.offset)
        return f"line {line}, column {column}"
    except ValueError:  # pragma: no cover - the fast decoder reported it first
        pass
    return "somewhere"  # pragma: no cover - the fast decoder only recurses on nesting


def parse_json(text: str | bytes) -> Any:
    """Read JSON *text*; refuse data nested deeper than :data:`MAX_DEPTH` with its place.

    A key given twice in one object is refused too, with the object's path: JSON
    readers differ on which of the two they keep.  Raises :class:`StructureError`,
    never :class:`RecursionError`.
    """
    repeated: list[tuple[dict[str, Any], list[str]]] = []

    def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        found = dict(pairs)
        if len(found) < len(pairs):
            counts = collections.Counter(k for k, _ in pairs)
            repeated.append((found, [k for k, n in counts.items() if n > 1]))
        return found

    try:
        data = json.loads(text, object_pairs_hook=unique_keys)
    except RecursionError:
        if isinstance(text, bytes):
            text = text.decode("utf-8", errors="replace")
        where = _where_too_deep(text)
        raise StructureError([f"$: nested deeper than {MAX_DEPTH} levels ({where})"]) from None
    except (TypeError, ValueError) as e:
        raise StructureError([f"$: not valid JSON ({e})"]) from None
    refuse_deep(data)
    if repeated:
        raise StructureError(_repeated_keys(data, repeated))
    return data


def _repeated_keys(data: object, repeated: list[tuple[dict[str, Any], list[str]]]) -> list[str]:
    """Say, for each object with a key written twice, the key and where the object is."""
    paths: dict[int, str] = {}
    pending: list[tuple[object, str]] = [(data, "$")]
    while pending:  # no recursion: the data is already known to nest within the limit
        value, path = pending.pop()
        if isinstance(value, dict):
            paths[id(value)] = path
            pending.extend((item, path + _step(key)) for key, item in value.items())
        elif isinstance(value, list):
            pending.extend((item, f"{path}[{i}]") for i, item in enumerate(value))
    return [
        f"{_shown(paths[id(found)] + _step(key))}: the key {excerpt(key)} is given more than once"
        for found, keys in repeated
        for key in keys
    ]
