"""The built-in frameworks; importing this package registers them.

They are imported, and so registered, in the order of the source articles.
"""

# isort: skip_file
from smstrategy.built_in.five_step import FiveStep
from smstrategy.built_in.eight_step import EightStep
from smstrategy.built_in.popt import Popt
from smstrategy.built_in.roadmap import Roadmap

__all__ = ["EightStep", "FiveStep", "Popt", "Roadmap"]
