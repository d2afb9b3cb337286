"""The built-in frameworks; importing this package registers them.

They are imported, and so registered, in the order of the source articles.
"""

# isort: skip_file
from smstrategy.frameworks.five_step import FiveStep
from smstrategy.frameworks.eight_step import EightStep
from smstrategy.frameworks.popt import Popt
from smstrategy.frameworks.roadmap import Roadmap

__all__ = ["EightStep", "FiveStep", "Popt", "Roadmap"]
