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


def _loaded_after(job: str, modules: tuple[str, ...]) -> list[str]:
    """Run *job* in a fresh interpreter; return which of *modules* it loaded."""
    code = (
        f"import sys, smstrategy as sms; {job}; "
        f"print(sorted(m for m in {modules!r} if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return eval(out)  # noqa: S307  # a list of names this interpreter printed


#: Modules a page of a plan does not show, the other built-in frameworks, and the sandbox
#: that only templates you pass run in.
NOT_ON_A_PLAN = (
    "cattrs",
    "markdown_it",
    "smstrategy.audit",
    "smstrategy.built_in.eight_step",
    "smstrategy.built_in.popt",
    "smstrategy.built_in.roadmap",
    "smstrategy.calendar",
    "smstrategy.html",
    "smstrategy.journey",
    "smstrategy.organisations",
    "smstrategy.results",
    "smstrategy.revisions",
    "smstrategy.rules",
    "smstrategy.sandbox",
    "smstrategy.scorecards",
)


def test_rendering_a_plan_loads_only_what_its_page_shows():
    """A first render of the five-step example loads no other framework and no other page."""
    assert _loaded_after("sms.render(sms.example())", NOT_ON_A_PLAN) == []


def test_each_page_loads_its_own_modules():
    """A check report's page loads the rules; a plan's HTML page loads the HTML writer."""
    report = "sms.render(sms.check(sms.example()))"
    assert "smstrategy.rules" in _loaded_after(report, NOT_ON_A_PLAN)
    page = "sms.render(sms.example(), 'html')"
    assert _loaded_after(page, NOT_ON_A_PLAN) == ["markdown_it", "smstrategy.html"]


def test_a_framework_key_loads_that_framework_alone():
    """get_framework() with a built-in's key loads that framework's module and no other."""
    loaded = _loaded_after("sms.get_framework('popt')", NOT_ON_A_PLAN)
    assert loaded == ["smstrategy.built_in.popt"]


def test_the_built_in_frameworks_come_first_whatever_registers_before_them():
    """frameworks() lists the built-ins in the articles' order, then frameworks as registered."""
    code = (
        "import smstrategy as sms\n"
        "@sms.framework('early-bird', name='Early')\n"
        "class Early(sms.Framework):\n"
        "    pass\n"
        "print(list(sms.frameworks()))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == [
        "['five-step',",
        "'eight-step',",
        "'popt',",
        "'roadmap',",
        "'early-bird']",
    ]


def test_a_key_of_a_built_in_not_yet_loaded_is_taken():
    """Declaring a framework under a built-in's key fails, before that built-in was loaded."""
    code = (
        "import sys, smstrategy as sms\n"
        "try:\n"
        "    @sms.framework('roadmap', name='Mine')\n"
        "    class Mine(sms.Framework):\n"
        "        pass\n"
        "except sms.exceptions.DuplicateRegistrationError as e:\n"
        "    print(e)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "already registered as 'roadmap' (smstrategy.built_in.roadmap.Roadmap)" in out


def test_the_built_in_package_names_its_frameworks_alone():
    """smstrategy.built_in gives each built-in framework by name, and nothing else."""
    from smstrategy import built_in

    assert built_in.Popt is sms.Popt
    assert built_in.__all__ == ["EightStep", "FiveStep", "Popt", "Roadmap"]
    with pytest.raises(AttributeError, match="has no attribute 'Sostac'"):
        built_in.Sostac  # noqa: B018
