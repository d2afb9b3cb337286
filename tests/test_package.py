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


def test_public_names_are_never_shadowed_by_submodules():
    """After every submodule is loaded, each public name is still what it was, not a module."""
    import importlib
    import types

    for module in sorted(sms._SUBMODULES):
        importlib.import_module(f"smstrategy.{module}")
    for name in sms.__all__:
        assert not isinstance(getattr(sms, name), types.ModuleType), name
    assert callable(sms.frameworks)
    assert callable(sms.framework)
    assert callable(sms.crosswalk)
    assert isinstance(sms.elements, types.ModuleType)
    assert set(sms.__all__) <= set(dir(sms))


def test_import_is_light():
    """Importing smstrategy loads neither attrs nor the frameworks until they are used."""
    code = (
        "import sys, smstrategy; "
        "print(sorted(m for m in ('attrs', 'smstrategy.built_in', 'smstrategy.rules') "
        "if m in sys.modules)); "
        "smstrategy.FiveStep; print('smstrategy.built_in' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split("\n")[:2] == ["[]", "True"]
