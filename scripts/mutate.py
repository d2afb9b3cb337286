"""Mutation testing of the rules and the validators.

Each mutant changes one operator or constant inside one function of ``src/smstrategy/rules/``
or ``src/smstrategy/validators.py`` (``>`` becomes ``>=``, ``and`` becomes ``or``, ``2``
becomes ``3``, a message gains a stray word, ...).  A mutant is killed when a test fails with
it in place; one no test notices survives.  The score printed is killed / (all - equivalent),
where the equivalent mutants, which no test could kill because they behave as the original,
are listed with their reasons in ``scripts/equivalent-mutants.toml``.

The rules are functions wrapped by a registering decorator and the validators are closures
made when the model classes are defined, so the mutated code cannot be brought in by rewriting
files and re-importing.  Instead the test session is collected once; a first child process
runs every test under coverage to learn which tests reach which line; then, for each mutant,
a forked child swaps the mutated code objects into the live functions (``__code__``) and runs
only the tests that reach the mutated line, fastest first, stopping at the first failure.

Run it from the repository's root::

    python scripts/mutate.py            # every mutant, score and survivors
    python scripts/mutate.py --list     # the mutants only, without running tests
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import functools
import gc
import json
import os
import signal
import sys
import tempfile
import time
import tomllib
import traceback
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src"
TARGETS = [
    *sorted((SOURCE / "smstrategy" / "rules").glob("*.py")),
    SOURCE / "smstrategy" / "validators.py",
]
EQUIVALENT = Path(__file__).with_name("equivalent-mutants.toml")

_COMPARE: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
}
_ARITHMETIC: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.FloorDiv: ast.Div,
    ast.Mod: ast.FloorDiv,
}
_NAMES = {"min": "max", "max": "min", "any": "all", "all": "any"}


# --- mutants ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mutant:
    """One change to one function: where it is and what it does."""

    path: str  # relative to the repository's root
    index: int  # the change's place among the module's changes, in the order they are found
    lines: tuple[int, ...]
    function: str
    before: str
    after: str

    @property
    def key(self) -> str:
        """Name the mutant without its line number, so the list of equivalents outlives edits."""
        return f"{self.path}::{self.function}: {self.before} -> {self.after}"

    def __str__(self) -> str:
        return f"{self.path}:{self.lines[0]} {self.function}: {self.before} -> {self.after}"


@dataclass
class _Site:
    node: ast.AST
    function: str
    describe: Callable[[], tuple[str, str]]
    apply: Callable[[], None]


class _Sites(ast.NodeVisitor):
    """Every place in a module's functions where one change makes a mutant, in source order."""

    def __init__(self, tree: ast.Module) -> None:
        self.sites: list[_Site] = []
        self._functions: list[str] = []
        self._classes: list[str] = []
        self._parents = {
            child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)
        }

    # Only what runs when a function is called is mutated: a decorator's arguments, defaults,
    # annotations and module-level code run once, at import, before any mutant is in place.
    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._classes.append(node.name)
        for statement in node.body:
            if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                self.visit(statement)
        self._classes.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        outer = self._functions[-1] + ".<locals>." if self._functions else ""
        prefix = "".join(f"{c}." for c in self._classes) if not self._functions else ""
        self._functions.append(f"{outer}{prefix}{node.name}")
        body = node.body
        if body and _is_docstring(body[0]):
            body = body[1:]
        for statement in body:
            self.visit(statement)
        self._functions.pop()

    visit_AsyncFunctionDef = visit_FunctionDef  # noqa: N815

    def visit_Lambda(self, node: ast.Lambda) -> None:
        self.visit(node.body)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self.visit(node.value)

    def generic_visit(self, node: ast.AST) -> None:
        if self._functions:
            self._mutations(node)
        super().generic_visit(node)

    def _add(self, node: ast.AST, change: Callable[[ast.AST], Any]) -> None:
        describe, apply = change(self._shown(node))
        self.sites.append(_Site(node, self._functions[-1], describe, apply))

    def _shown(self, node: ast.AST) -> ast.AST:
        """Return what to show of a change: a name or a number with the expression it is in."""
        if isinstance(node, ast.Name) or (
            isinstance(node, ast.Constant) and not isinstance(node.value, str)
        ):
            parent = self._parents.get(node)
            while isinstance(parent, ast.keyword | ast.arg | ast.comprehension | ast.Slice):
                parent = self._parents.get(parent)
            if isinstance(parent, ast.expr):
                return parent
        return node

    def _mutations(self, node: ast.AST) -> None:  # noqa: C901
        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                if type(op) in _COMPARE:
                    swap = _COMPARE[type(op)]()
                    self._add(node, functools.partial(_swap_list, node.ops, i, swap))
        elif isinstance(node, ast.BoolOp):
            other = ast.Or() if isinstance(node.op, ast.And) else ast.And()
            self._add(node, functools.partial(_swap_attr, node, "op", other))
        elif isinstance(node, ast.BinOp) and type(node.op) in _ARITHMETIC:
            swap = _ARITHMETIC[type(node.op)]()
            self._add(node, functools.partial(_swap_attr, node, "op", swap))
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            self._add(node, functools.partial(_unwrap_not, node))
        elif isinstance(node, ast.Constant):
            changed = _changed_constant(node.value)
            if changed is not None:
                self._add(node, functools.partial(_swap_attr, node, "value", changed[0]))
        elif isinstance(node, ast.Name) and node.id in _NAMES:
            self._add(node, functools.partial(_swap_attr, node, "id", _NAMES[node.id]))
        elif isinstance(node, ast.Break | ast.Continue):
            self._add(node, functools.partial(_break_continue, node))
        elif isinstance(node, ast.Call):
            self._message_text(node)

    def _message_text(self, call: ast.Call) -> None:
        # A message's words: a test that reads the message notices them change.
        if not (isinstance(call.func, ast.Name) and call.func.id == "Message" and call.args):
            return
        first = call.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            self._add(first, functools.partial(_swap_attr, first, "value", f"XX{first.value}XX"))


def _is_docstring(statement: ast.stmt) -> bool:
    return (
        isinstance(statement, ast.Expr)
        and isinstance(statement.value, ast.Constant)
        and isinstance(statement.value.value, str)
    )


def _changed_constant(value: object) -> tuple[object] | None:
    if isinstance(value, bool):
        return (not value,)
    if isinstance(value, int | float):
        return (value + 1,)
    return None


def _described(shown: ast.AST, apply: Callable[[], None], undo: Callable[[], None]) -> Any:
    def describe() -> tuple[str, str]:
        before = ast.unparse(shown)
        apply()
        after = ast.unparse(shown)
        undo()
        return before, after

    return describe, apply


def _swap_attr(node: ast.AST, name: str, value: object, shown: ast.AST) -> Any:
    old = getattr(node, name)
    return _described(shown, lambda: setattr(node, name, value), lambda: setattr(node, name, old))


def _swap_list(items: list[Any], i: int, value: object, shown: ast.AST) -> Any:
    old = items[i]
    return _described(shown, lambda: items.__setitem__(i, value), lambda: items.__setitem__(i, old))


def _unwrap_not(node: ast.UnaryOp, shown: ast.AST) -> Any:
    # ``not x`` becomes ``not not x``, that is ``x`` as a truth value, keeping the node in place.
    def apply() -> None:
        node.operand = ast.copy_location(ast.UnaryOp(op=ast.Not(), operand=node.operand), node)

    operand = node.operand
    return _described(shown, apply, lambda: setattr(node, "operand", operand))


def _break_continue(node: ast.Break | ast.Continue, shown: ast.AST) -> Any:
    kind = type(node)
    other = ast.Continue if kind is ast.Break else ast.Break
    return _described(
        shown, lambda: setattr(node, "__class__", other), lambda: setattr(node, "__class__", kind)
    )


def _sites(path: Path) -> tuple[ast.Module, list[_Site]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    finder = _Sites(tree)
    finder.visit(tree)
    return tree, finder.sites


def mutants() -> list[Mutant]:
    """Return every mutant of the targets, in file and source order."""
    found = []
    for path in TARGETS:
        _, sites = _sites(path)
        seen: dict[tuple[str, str, str], int] = {}
        for index, site in enumerate(sites):
            before, after = site.describe()
            same = seen[site.function, before, after] = (
                seen.get((site.function, before, after), 0) + 1
            )
            if same > 1:  # the same change written twice in one function: number the others
                after = f"{after}  # {same}"
            node = site.node
            lines = tuple(range(node.lineno, (node.end_lineno or node.lineno) + 1))  # type: ignore[attr-defined]
            found.append(
                Mutant(
                    path=str(path.relative_to(ROOT)),
                    index=index,
                    lines=lines,
                    function=site.function,
                    before=before,
                    after=after,
                )
            )
    return found


def mutated_code(mutant: Mutant) -> types.CodeType:
    """Compile the mutant's module with its one change."""
    path = ROOT / mutant.path
    tree, sites = _sites(path)
    sites[mutant.index].apply()
    return compile(ast.fix_missing_locations(tree), str(path), "exec", dont_inherit=True)


def _code_tree(code: types.CodeType) -> Iterator[types.CodeType]:
    yield code
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield from _code_tree(const)


def changed_codes(mutant: Mutant) -> dict[tuple[str, int], types.CodeType]:
    """Return the code objects the change touches, by qualified name and first line."""
    path = ROOT / mutant.path
    original = compile(path.read_text(encoding="utf-8"), str(path), "exec", dont_inherit=True)
    pairs = zip(_code_tree(original), _code_tree(mutated_code(mutant)), strict=True)
    return {(b.co_qualname, b.co_firstlineno): b for a, b in pairs if a != b}


# --- live functions --------------------------------------------------------------------------


@dataclass
class _Live:
    """The live functions of the targets, by code, and the caches that remember their results."""

    functions: dict[tuple[str, str, int], list[types.FunctionType]] = field(default_factory=dict)
    caches: list[Any] = field(default_factory=list)

    @classmethod
    def find(cls) -> _Live:
        names = {str(p) for p in TARGETS}
        live = cls()
        for thing in gc.get_objects():
            if isinstance(thing, types.FunctionType) and thing.__code__.co_filename in names:
                code = thing.__code__
                key = (code.co_filename, code.co_qualname, code.co_firstlineno)
                live.functions.setdefault(key, []).append(thing)
            elif isinstance(thing, functools._lru_cache_wrapper):  # noqa: SLF001
                wrapped = getattr(thing, "__wrapped__", None)
                if getattr(getattr(wrapped, "__code__", None), "co_filename", "") in names:
                    live.caches.append(thing)
        return live

    def swap(self, mutant: Mutant) -> int:
        """Put the mutant's code into every live function it changes; return how many."""
        filename = str(ROOT / mutant.path)
        swapped = 0
        for (qualname, first), code in changed_codes(mutant).items():
            for function in self.functions.get((filename, qualname, first), ()):
                function.__code__ = code
                swapped += 1
        for cache in self.caches:
            cache.cache_clear()
        return swapped


# --- the test session ------------------------------------------------------------------------


@dataclass
class _Outcome:
    mutant: Mutant
    status: str  # killed, timeout, survived, not reached, not swapped or crashed
    tests: int = 0


def _run_items(items: list[Any], chosen: list[int]) -> bool:
    """Run the chosen tests in order; return whether all passed (stopping at the first not)."""
    from _pytest.runner import runtestprotocol

    for n, i in enumerate(chosen):
        following = items[chosen[n + 1]] if n + 1 < len(chosen) else None
        reports = runtestprotocol(items[i], nextitem=following, log=False)
        if any(r.failed for r in reports):
            return False
    return True


_STDERR = os.dup(2)  # kept for a child's own failure, whatever the tests write


def _quiet() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)


def _map_tests(items: list[Any], out: Path) -> None:
    """In a child: run every test under coverage; write lines reached, durations and failures."""
    import coverage
    from _pytest.runner import runtestprotocol

    _quiet()
    cov = coverage.Coverage(
        data_file=None, config_file=False, include=[str(p) for p in TARGETS], branch=False
    )
    durations: list[float] = []
    failed: list[int] = []
    # A mutant's child starts with empty caches, so each test here starts with them too: a
    # line run only when a cache misses is then counted for every test that reaches it.
    caches = _Live.find().caches
    cov.start()
    for i, item in enumerate(items):
        for cache in caches:
            cache.cache_clear()
        cov.switch_context(str(i))
        start = time.perf_counter()
        following = items[i + 1] if i + 1 < len(items) else None
        reports = runtestprotocol(item, nextitem=following, log=False)
        durations.append(time.perf_counter() - start)
        if any(r.failed for r in reports):
            failed.append(i)
    cov.stop()
    data = cov.get_data()
    reached = {
        str(Path(name).relative_to(ROOT)): {
            line: sorted(int(c) for c in contexts if c)
            for line, contexts in data.contexts_by_lineno(name).items()
        }
        for name in data.measured_files()
    }
    out.write_text(json.dumps({"durations": durations, "failed": failed, "reached": reached}))
    os._exit(0)


def _fork(target: Callable[[], None]) -> int:
    pid = os.fork()
    if pid == 0:
        try:
            target()
        except BaseException:  # noqa: BLE001  # a child must never return into pytest
            os.write(_STDERR, traceback.format_exc().encode())
        finally:
            os._exit(3)
    return pid


class Mutation:
    """A pytest plugin that runs the mutants in place of the usual test loop."""

    def __init__(self, chosen: list[Mutant], workers: int, out: list[_Outcome]) -> None:
        self.chosen = chosen
        self.workers = workers
        self.out = out

    def pytest_runtestloop(self, session: Any) -> bool:
        """Map the tests to lines, then run the mutants, in place of running the tests."""
        items = list(session.items)
        with tempfile.TemporaryDirectory() as folder:
            mapped = Path(folder) / "map.json"
            started = time.perf_counter()
            _, status = os.waitpid(_fork(lambda: _map_tests(items, mapped)), 0)
            if status != 0 or not mapped.exists():
                msg = "the run that maps tests to lines failed"
                raise SystemExit(msg)
            facts = json.loads(mapped.read_text())
        print(
            f"mapped {len(items)} tests to the lines they reach in "
            f"{time.perf_counter() - started:.0f} s",
            flush=True,
        )
        if facts["failed"]:
            names = ", ".join(items[i].nodeid for i in facts["failed"][:5])
            msg = f"tests fail without any mutant ({names}); fix them first"
            raise SystemExit(msg)
        live = _Live.find()
        self._run(items, facts, live)
        return True

    def _run(self, items: list[Any], facts: dict[str, Any], live: _Live) -> None:
        durations: list[float] = facts["durations"]
        waiting = list(self.chosen)
        running: dict[int, tuple[Mutant, int, float, float]] = {}
        done = 0
        while waiting or running:
            while waiting and len(running) < self.workers:
                mutant = waiting.pop(0)
                lines = facts["reached"].get(mutant.path, {})
                reach = sorted(
                    {i for line in mutant.lines for i in lines.get(str(line), ())},
                    key=lambda i: durations[i],
                )
                if not reach:
                    self.out.append(_Outcome(mutant, "not reached"))
                    continue
                budget = 10 + 3 * sum(durations[i] for i in reach)

                def child(mutant: Mutant = mutant, reach: list[int] = reach) -> None:
                    _quiet()
                    if live.swap(mutant) == 0:
                        os._exit(4)
                    os._exit(0 if _run_items(items, reach) else 1)

                running[_fork(child)] = (mutant, len(reach), time.perf_counter(), budget)
            pid, status = os.waitpid(-1, os.WNOHANG)
            if pid == 0:
                for pid, (_, _, start, budget) in list(running.items()):
                    if time.perf_counter() - start > budget:
                        with contextlib.suppress(ProcessLookupError):
                            os.kill(pid, signal.SIGKILL)
                time.sleep(0.005)
                continue
            mutant, n, _, _ = running.pop(pid)
            code = os.waitstatus_to_exitcode(status)
            verdict = {0: "survived", 1: "killed", 4: "not swapped"}.get(
                code, "timeout" if code == -signal.SIGKILL else f"crashed ({code})"
            )
            self.out.append(_Outcome(mutant, verdict, n))
            done += 1
            if done % 50 == 0:
                print(f"  {done} of {len(self.chosen)} mutants run", flush=True)


# --- the report ------------------------------------------------------------------------------


def _equivalents() -> dict[str, str]:
    with EQUIVALENT.open("rb") as f:
        table = tomllib.load(f)
    return {entry["mutant"]: entry["reason"] for entry in table.get("equivalent", [])}


def report(outcomes: list[_Outcome], minimum: float, every: set[str]) -> int:
    """Print the score, the equivalent mutants and the survivors; return the exit status."""
    equivalent = _equivalents()
    killed = [o for o in outcomes if o.status in {"killed", "timeout"}]
    timeouts = sum(o.status == "timeout" for o in outcomes)
    left = [o for o in outcomes if o not in killed]
    explained = [o for o in left if o.mutant.key in equivalent]
    survivors = [o for o in left if o.mutant.key not in equivalent]
    stale = sorted(set(equivalent) - every)  # every: the keys of all mutants, run or not
    by_file: dict[str, list[int]] = {}
    for o in outcomes:
        counts = by_file.setdefault(o.mutant.path, [0, 0, 0])
        counts[0] += 1
        counts[1] += o in killed
        counts[2] += o in explained
    print(f"\n{'file':<42} {'mutants':>8} {'killed':>7} {'equivalent':>11}")
    for path, (total, k, e) in sorted(by_file.items()):
        print(f"{path:<42} {total:>8} {k:>7} {e:>11}")
    if explained:
        print("\nEquivalent mutants (no test can tell them from the original):")
        for o in explained:
            print(f"  {o.mutant}\n      {equivalent[o.mutant.key]}")
    if survivors:
        print("\nSurviving mutants:")
        for o in survivors:
            print(f"  {o.mutant} [{o.status}, {o.tests} tests]")
    for key in stale:
        print(f"\nlisted as equivalent but no longer a mutant: {key}")
    counted = len(outcomes) - len(explained)
    score = 100 * len(killed) / counted if counted else 100.0
    print(
        f"\nmutation score: {score:.1f} % ({len(killed)} killed of {counted}, {timeouts} of "
        "them by running too long; "
        f"{len(outcomes)} mutants, {len(explained)} equivalent, {len(survivors)} survived; "
        f"at least {minimum:.0f} % needed)"
    )
    return 0 if score >= minimum and not stale else 1


def main(argv: list[str] | None = None) -> int:
    """Run the mutants, or list them; return 0 when the score reaches the minimum."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print the mutants and stop")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--minimum", type=float, default=90.0, help="the score needed, in %%")
    parser.add_argument("--only", default="", help="mutate only paths containing this")
    parser.add_argument("pytest_args", nargs="*", help="passed to pytest (default: the suite)")
    args = parser.parse_args(argv)
    every = mutants()
    chosen = [m for m in every if args.only in m.path]
    if args.list:
        for m in chosen:
            print(m)
        print(f"{len(chosen)} mutants")
        return 0
    os.environ["HYPOTHESIS_PROFILE"] = "mutants"
    import pytest

    outcomes: list[_Outcome] = []
    started = time.perf_counter()
    print(f"{len(chosen)} mutants of {len(TARGETS)} files", flush=True)
    # -qq: pytest's own closing line would say "no tests ran", as the mutants run in
    # place of its test loop; the report below is the summary of this run.
    code = pytest.main(
        ["-qq", "-p", "no:cacheprovider", "-p", "no:randomly", *args.pytest_args],
        plugins=[Mutation(chosen, args.workers, outcomes)],
    )
    if code not in (0, 5) and len(outcomes) != len(chosen):
        return int(code)
    status = report(outcomes, args.minimum, {m.key for m in every})
    print(f"in {time.perf_counter() - started:.0f} s")
    return status


if __name__ == "__main__":
    sys.exit(main())
