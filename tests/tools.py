"""Real parsers and a real browser for the tests: Mermaid's parser through Node, and Chromium.

``.ci/run`` installs them: the Node packages of ``tests/js/package.json`` into
``.ci-cache/node`` (or the folder ``SMSTRATEGY_NODE_TOOLS`` names) and Debian's
Chromium.  Where they are missing the tests that need them are skipped, but
never under CI (``CI`` set), where a missing tool is a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).parent.parent
NODE_TOOLS = Path(os.environ.get("SMSTRATEGY_NODE_TOOLS", ROOT / ".ci-cache" / "node"))


def need(found: bool, what: str) -> None:
    """Skip a test without *what*, or fail it under CI, where everything must run."""
    if found:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing; .ci/run installs it")
    pytest.skip(f"{what} is not installed here; .ci/run installs it")


class MermaidParser:
    """Mermaid's own parser, in one Node process that answers diagram after diagram."""

    def __init__(self) -> None:
        need(shutil.which("node") is not None, "Node.js")
        need((NODE_TOOLS / "node_modules" / "mermaid").is_dir(), f"mermaid in {NODE_TOOLS}")
        script = NODE_TOOLS / "mermaid-parse.mjs"
        shutil.copyfile(ROOT / "tests" / "js" / "mermaid-parse.mjs", script)
        self.process = subprocess.Popen(
            ["node", str(script)],  # noqa: S607  # the Node on the PATH, as CI installs it
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def parse(self, diagram: str) -> dict[str, Any]:
        """Return Mermaid's answer: ``{"ok": True, "type": ...}`` or ``{"ok": False, ...}``."""
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.process.stdin.write(json.dumps(diagram) + "\n")
        self.process.stdin.flush()
        answer: dict[str, Any] = json.loads(self.process.stdout.readline())
        return answer

    def close(self) -> None:
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)
        self.process.stdout.close()


def chromium() -> str:
    """Return the path of Chromium, skipping (or failing, under CI) without it."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    need(path is not None, "Chromium")
    assert path is not None
    return path


#: Flags for a headless Chromium on a machine with no network and no screen.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)
