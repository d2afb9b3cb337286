"""Sphinx configuration for the smstrategy documentation."""

from __future__ import annotations

import importlib.metadata

project = "smstrategy"
author = "The smstrategy developers"
copyright = "2026, The smstrategy developers"  # noqa: A001
release = importlib.metadata.version("smstrategy")
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
# The docs are built offline: no intersphinx, nothing fetched.
html_theme = "furo"
html_title = "smstrategy"
nitpicky = False
