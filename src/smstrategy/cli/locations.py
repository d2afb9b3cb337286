"""Where each part of a plan file is written: its line and column.

A finding's path, such as ``tactics.channels[1]``, names a part of the plan;
the same path names a key or an item of the file the plan was read from.
The file is parsed again with tree-sitter, whose trees keep positions (the
``cli`` extra installs it), and every key and item is recorded by its path.
A part the file does not write (a field left to its default) is placed at
the nearest part above it that the file does write.

Lines and columns count from 1; columns count characters, not bytes.
"""

from __future__ import annotations

import functools
import json
import re
import tomllib
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import tree_sitter

__all__ = ["Position", "locate", "positions"]

#: A line and a column, both counted from 1.
Position = tuple[int, int]
_START: Position = (1, 1)
_LAST_STEP = re.compile(r"(?:(?:^|\.)[^.\[]*|\[\d+\])$")


@functools.cache
def _parser(syntax: str) -> tree_sitter.Parser | None:
    """Return tree-sitter's parser of *syntax* ("json" or "toml"); ``None`` without the extra."""
    try:
        import tree_sitter
        import tree_sitter_json
        import tree_sitter_toml
    except ImportError:
        return None
    grammar = tree_sitter_json if syntax == "json" else tree_sitter_toml
    return tree_sitter.Parser(tree_sitter.Language(grammar.language()))


def positions(text: str, syntax: str) -> Mapping[str, Position] | None:
    """Return the position of every key and item of *text* by its path.

    *syntax* is ``"json"`` or ``"toml"``, and *text* is what the standard
    library's reader of it accepted.  Returns ``None`` when tree-sitter is
    not installed.
    """
    parser = _parser(syntax)
    if parser is None:
        return None
    source = text.encode("utf-8")
    root = parser.parse(source).root_node
    found: dict[str, Position] = {}
    place = _Places(source)
    walk = _json if syntax == "json" else _toml
    for path, node in walk(root):
        found.setdefault(path, place(node))
    return found


def locate(found: Mapping[str, Position] | None, path: str) -> Position | None:
    """Return the position of *path*, or of the nearest part above it the file writes.

    ``None`` when positions are not known (tree-sitter is not installed).
    """
    if found is None:
        return None
    while path not in found:
        shorter = _LAST_STEP.sub("", path, count=1)
        if shorter == path:  # the plan itself, or no step left to take off
            return _START
        path = shorter
    return found[path]


class _Places:
    """Turn a node's place in the bytes into a line and a column of characters."""

    def __init__(self, source: bytes) -> None:
        self.source = source

    def __call__(self, node: tree_sitter.Node) -> Position:
        row, byte_column = node.start_point
        start = node.start_byte - byte_column
        line = self.source[start : node.start_byte].decode("utf-8", errors="replace")
        return row + 1, len(line) + 1


def _key(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _named(node: tree_sitter.Node) -> list[tree_sitter.Node]:
    return [child for child in node.named_children if child.type != "comment"]


def _items(
    array: tree_sitter.Node, path: str, pending: list[tuple[tree_sitter.Node, str]]
) -> Iterator[tuple[str, tree_sitter.Node]]:
    """Yield the path and node of each item of an array, JSON's or TOML's; leave them to walk."""
    for index, item in enumerate(_named(array)):
        inner = f"{path}[{index}]"
        yield inner, item
        pending.append((item, inner))


# --- JSON -----------------------------------------------------------------------------------


def _json(root: tree_sitter.Node) -> Iterator[tuple[str, tree_sitter.Node]]:
    """Yield the path and node of every key and item, walking without recursion."""
    pending: list[tuple[tree_sitter.Node, str]] = [(child, "") for child in _named(root)]
    while pending:
        node, path = pending.pop()
        if node.type == "object":
            for pair in _named(node):
                key, value = _named(pair)[0], _named(pair)[-1]
                inner = _key(path, str(json.loads(key.text or b"")))
                yield inner, key
                pending.append((value, inner))
        elif node.type == "array":
            yield from _items(node, path, pending)


# --- TOML -----------------------------------------------------------------------------------


def _toml(root: tree_sitter.Node) -> Iterator[tuple[str, tree_sitter.Node]]:
    """Yield the path and node of every key, table and item of a TOML document.

    Tables are found by their headers; ``[[name]]`` headers count the items of
    an array of tables, and a header inside one refers to its latest item.
    """
    counts: dict[str, int] = {}
    for part in _named(root):
        if part.type == "pair":
            yield from _pair(part, "")
            continue
        keys = _keys(_named(part)[0])
        passed: list[str] = []
        if part.type == "table_array_element":
            *on_the_way, last = keys
            table = _key(_table(on_the_way, counts, passed), last)
            counts[table] = counts.get(table, 0) + 1
            passed += [table, f"{table}[{counts[table] - 1}]"]
        table = _table(keys, counts, passed)
        yield from ((path, part) for path in passed)
        for pair in _named(part)[1:]:
            yield from _pair(pair, table)


def _table(keys: list[str], counts: Mapping[str, int], passed: list[str]) -> str:
    """Return the path a table header names, with the latest item of each array of tables.

    Every path passed on the way is added to *passed*.
    """
    path = ""
    for name in keys:
        path = _key(path, name)
        passed.append(path)
        if path in counts:
            path = f"{path}[{counts[path] - 1}]"
            passed.append(path)
    return path


def _pair(pair: tree_sitter.Node, table: str) -> Iterator[tuple[str, tree_sitter.Node]]:
    """Yield the paths of a pair's keys and of everything its value holds, without recursion."""
    pending: list[tuple[tree_sitter.Node, str]] = []
    yield from _pair_head(pair, table, pending)
    while pending:
        node, where = pending.pop()
        if node.type == "inline_table":
            for inner in _named(node):
                yield from _pair_head(inner, where, pending)
        elif node.type == "array":
            yield from _items(node, where, pending)


def _pair_head(
    pair: tree_sitter.Node, table: str, pending: list[tuple[tree_sitter.Node, str]]
) -> Iterator[tuple[str, tree_sitter.Node]]:
    """Yield the key paths of a pair inside an inline table; leave its value to the walk."""
    named = _named(pair)
    path = table
    for name in _keys(named[0]):
        path = _key(path, name)
        yield path, named[0]
    pending.append((named[-1], path))


def _keys(node: tree_sitter.Node) -> list[str]:
    """Return the names a bare, quoted or dotted key is made of, in order."""
    names: list[str] = []
    pending = [node]
    while pending:
        part = pending.pop()
        if part.type == "dotted_key":
            pending.extend(reversed(_named(part)))
        elif part.type == "bare_key":
            names.append((part.text or b"").decode("utf-8", errors="replace"))
        else:  # a quoted key, "..." or '...'
            names.append(_quoted(part.text or b""))
    return names


def _quoted(text: bytes) -> str:
    """Read a quoted TOML key as TOML reads it, escapes and all."""
    value: Any = tomllib.loads("k = " + text.decode("utf-8"))["k"]
    return str(value)
