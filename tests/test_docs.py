"""Every Python example in the README and the docs runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

ROOT = Path(__file__).parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("**/*.md"))]


def python_blocks(page: Path) -> list[str]:
    """Return the page's fenced Python blocks, in order."""
    tokens = MarkdownIt("commonmark").parse(page.read_text(encoding="utf-8"))
    return [t.content for t in tokens if t.type == "fence" and t.info.strip() == "python"]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_python_blocks_run(page):
    """The page's Python blocks run, one after the other, in one namespace."""
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}"}
    for block in python_blocks(page):
        # dont_inherit: the page runs as a user would, without this module's __future__.
        exec(compile(block, str(page), "exec", dont_inherit=True), namespace)  # noqa: S102


def test_python_blocks_type_check_under_mypy_strict(tmp_path):
    """Each page's Python blocks, as one module, type-check under mypy --strict.

    The documented idioms (attrs.evolve on a plan, rules over typed nodes, crosswalks to a
    framework's class) are what users copy, so they must pass the strictest check.
    """
    for page in PAGES:
        blocks = python_blocks(page)
        if blocks:
            name = "docs_" + page.stem.replace("-", "_")
            (tmp_path / f"{name}.py").write_text("\n".join(blocks), encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--cache-dir",
            str(tmp_path / ".mypy_cache"),
            "--config-file",
            "",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_pages_have_python_blocks():
    """The README and the model page show code, so the test above checks something."""
    assert python_blocks(ROOT / "README.md")
    assert python_blocks(ROOT / "docs" / "model.md")


def table_rows(page: Path) -> list[list[str]]:
    """Return the body rows of the page's tables as lists of cell texts."""
    tokens = MarkdownIt("commonmark").enable("table").parse(page.read_text(encoding="utf-8"))
    rows: list[list[str]] = []
    in_body = False
    for token in tokens:
        if token.type == "tbody_open":
            in_body = True
        elif token.type == "tbody_close":
            in_body = False
        elif in_body and token.type == "tr_open":
            rows.append([])
        elif in_body and token.type == "inline":
            rows[-1].append(token.content)
    return rows


def test_rules_reference_matches_the_registry():
    """docs/rules.md lists exactly the built-in rules, with their registered texts."""
    import smstrategy as sms

    documented = [row for row in table_rows(ROOT / "docs" / "rules.md") if row[0][:4] == "[SMS"]
    registered = [
        [f"[{r.code}](#{r.code.lower()})", r.severity.value, r.summary, r.rationale, r.hint]
        for r in sms.registered_rules()
        if r.code.startswith("SMS")
    ]
    assert documented == registered


#: The five articles the advice comes from, as rationales name them.
ARTICLES = (
    "Five-step model",
    "Eight-step model",
    "Purpose, objectives, priorities, tactics",
    "Strategy roadmap",
    "The social journey",
)


def test_every_rule_names_the_article_its_advice_comes_from():
    """Each built-in rule's rationale starts with an article, and each of its reasons names one."""
    import re

    import smstrategy as sms

    for rule in sms.registered_rules():
        if not rule.code.startswith("SMS"):
            continue
        named = re.findall(r"(?:^|\. )([^.:]+):", rule.rationale)
        assert named, rule.code
        assert rule.rationale.startswith(named[0])
        assert set(named) <= set(ARTICLES), (rule.code, named)
