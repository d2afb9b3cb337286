"""The package as a user installs and imports it."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from pathlib import Path

import pytest

import smstrategy as sms


def test_version_comes_from_the_installed_metadata():
    """__version__ is the installed distribution's version."""
    assert sms.__version__ == importlib.metadata.version("smstrategy")


def test_unknown_attribute_raises_attribute_error():
    """Asking the package for a name it lacks raises AttributeError."""
    with pytest.raises(AttributeError, match="has no attribute 'nonexistent'"):
        sms.nonexistent  # noqa: B018


def test_package_is_typed():
    """The package ships py.typed for type checkers."""
    assert (Path(sms.__file__).parent / "py.typed").is_file()


def test_all_is_sorted_and_complete():
    """Every name in __all__ exists, and the list is sorted."""
    assert sms.__all__ == sorted(sms.__all__)
    for name in sms.__all__:
        assert hasattr(sms, name), name


def test_import_loads_no_heavy_modules():
    """Importing smstrategy imports neither Jinja2, cattrs nor markdown-it-py."""
    code = (
        "import sys, smstrategy; "
        "print(sorted(m for m in ('jinja2', 'cattrs', 'markdown_it', 'importlib.metadata') "
        "if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
