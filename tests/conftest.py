import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, Phase, settings

settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
# scripts/mutate.py: the same examples every run, no shrinking (a failure is all it needs to
# know) and nothing written to the example database from code that was mutated.
settings.register_profile(
    "mutants",
    max_examples=60,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# Helper modules are imported by the tests by name; collecting them for
# doctests as well would import them twice and register their frameworks twice.
collect_ignore = ["custom_frameworks.py", "strategies.py", "tools.py"]

from tools import MermaidParser  # noqa: E402  # after the profiles it must not change


@pytest.fixture(scope="session")
def mermaid() -> Iterator[MermaidParser]:
    """Mermaid's own parser, started once for the whole run."""
    parser = MermaidParser()
    yield parser
    parser.close()
